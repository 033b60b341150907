import { describe, expect, it } from 'vitest'

import { paragraphsToLexical, type LexicalState } from '@/lib/lexical'
import {
  countWords,
  formatReadingStats,
  readingMinutes,
  readingStats,
  WORDS_PER_MINUTE,
} from '@/lib/readingTime'

const words = (n: number) => Array.from({ length: n }, (_, i) => `Wort${i}`).join(' ')

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['Hallo', 1],
    ['Der  Hafen\nwird\tausgebaut.', 4],
    // Dashes, ellipses and quotes standing alone are no words; numbers and compounds are one each.
    ['Berlin – Hamburg … „so“ 3–4 Grad, E-Mail-Adresse', 6],
    ['Größe, Übermaß: süß!', 3],
  ])('%j → %i', (text, count) => {
    expect(countWords(text)).toBe(count)
  })
})

describe('readingMinutes', () => {
  it('is 0 for no words and at least one minute for any text', () => {
    expect(readingMinutes(0)).toBe(0)
    expect(readingMinutes(1)).toBe(1)
    expect(readingMinutes(99)).toBe(1)
  })

  it(`rounds at ${WORDS_PER_MINUTE} words per minute`, () => {
    expect(WORDS_PER_MINUTE).toBe(200)
    expect(readingMinutes(299)).toBe(1)
    expect(readingMinutes(300)).toBe(2)
    expect(readingMinutes(1234)).toBe(6)
    expect(readingMinutes(1234, 100)).toBe(12)
  })
})

describe('readingStats', () => {
  it('counts every block of the body: paragraphs, headings and list items', () => {
    const state = paragraphsToLexical(['Erster Absatz hier.', 'Zweiter Absatz.']) as LexicalState
    state.root.children.push(
      { type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Eine Zwischenzeile' }] },
      {
        type: 'list',
        children: [
          { type: 'listitem', children: [{ type: 'text', text: 'eins' }] },
          {
            type: 'listitem',
            children: [
              { type: 'link', children: [{ type: 'text', text: 'zwei drei' }] },
              { type: 'linebreak' },
              { type: 'text', text: 'vier' },
            ],
          },
        ],
      },
    )
    expect(readingStats(state)).toEqual({ words: 11, minutes: 1 })
  })

  it('keeps a word formatted in parts whole and table cells apart', () => {
    const state = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Ha', format: 1 },
              { type: 'text', text: 'fen und ' },
              { type: 'autolink', children: [{ type: 'text', text: 'news.example.org' }] },
            ],
          },
          {
            type: 'table',
            children: [
              {
                type: 'tablerow',
                children: [
                  { type: 'tablecell', children: [{ type: 'text', text: 'links' }] },
                  { type: 'tablecell', children: [{ type: 'text', text: 'rechts' }] },
                ],
              },
            ],
          },
          { type: 'upload', value: 'bild' },
        ],
      },
    }
    expect(readingStats(state)).toEqual({ words: 5, minutes: 1 })
  })

  it('is zero for an empty or missing body', () => {
    expect(readingStats(undefined)).toEqual({ words: 0, minutes: 0 })
    expect(readingStats(null)).toEqual({ words: 0, minutes: 0 })
    expect(readingStats({ root: { type: 'root', children: [] } })).toEqual({
      words: 0,
      minutes: 0,
    })
    expect(readingStats('kein Lexical')).toEqual({ words: 0, minutes: 0 })
  })

  it('counts a long article', () => {
    const state = paragraphsToLexical([words(600), words(634)])
    expect(readingStats(state)).toEqual({ words: 1234, minutes: 6 })
  })
})

describe('formatReadingStats', () => {
  it('says it in German for editors', () => {
    expect(formatReadingStats({ words: 1234, minutes: 6 })).toBe(
      '1.234 Wörter · ca. 6 Min. Lesezeit',
    )
    expect(formatReadingStats({ words: 1, minutes: 1 })).toBe('1 Wort · ca. 1 Min. Lesezeit')
    expect(formatReadingStats({ words: 0, minutes: 0 })).toBe('Noch kein Text')
  })

  it('and in English for an English admin', () => {
    expect(formatReadingStats({ words: 1234, minutes: 6 }, 'en')).toBe(
      '1,234 words · approx. 6 min read',
    )
    expect(formatReadingStats({ words: 0, minutes: 0 }, 'en')).toBe('No text yet')
  })
})
