import { describe, expect, it } from 'vitest'

import {
  excerptFromContent,
  lexicalBlocks,
  lexicalToPlainText,
  linkHref,
  paragraphsToLexical,
  safeHref,
  truncateAtWord,
  type LexicalNode,
} from '@/lib/lexical'

const QUOTE = '„Das ist ein guter Tag“, sagte die Ministerin – und die Opposition widersprach.'
const DASHES = 'Berlin—Hamburg: 3–4 Grad, ‚kalt‘ … sehr kalt'

const text = (value: string): LexicalNode => ({ type: 'text', text: value })
const block = (type: string, ...children: LexicalNode[]): LexicalNode => ({ type, children })
const state = (...children: LexicalNode[]) => ({ root: { type: 'root', children } })

describe('paragraphsToLexical', () => {
  it('builds a complete Lexical editor state', () => {
    expect(paragraphsToLexical(['Erster Absatz.'])).toEqual({
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              {
                type: 'text',
                text: 'Erster Absatz.',
                detail: 0,
                format: 0,
                mode: 'normal',
                style: '',
                version: 1,
              },
            ],
            direction: 'ltr',
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            version: 1,
          },
        ],
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
      },
    })
  })

  it('creates one paragraph node per entry, in order, keeping the text exactly', () => {
    const paragraphs = [QUOTE, DASHES, '  führende und folgende Leerzeichen  ', 'Zeile 1\nZeile 2']
    const { root } = paragraphsToLexical(paragraphs)
    expect(root.children).toHaveLength(4)
    root.children.forEach((paragraph, index) => {
      expect(paragraph.type).toBe('paragraph')
      expect(paragraph.children).toHaveLength(1)
      expect(paragraph.children?.[0]?.type).toBe('text')
      expect(paragraph.children?.[0]?.text).toBe(paragraphs[index])
    })
  })

  it('builds an empty root for no paragraphs', () => {
    const { root } = paragraphsToLexical([])
    expect(root.type).toBe('root')
    expect(root.children).toEqual([])
  })

  it('does not share node objects between paragraphs', () => {
    const { root } = paragraphsToLexical(['a', 'a'])
    expect(root.children[0]).not.toBe(root.children[1])
    expect(root.children[0]?.children?.[0]).not.toBe(root.children[1]?.children?.[0])
  })

  it('survives a JSON round trip (what the database stores)', () => {
    const lexical = paragraphsToLexical([QUOTE, DASHES])
    expect(JSON.parse(JSON.stringify(lexical))).toEqual(lexical)
  })
})

describe('lexicalBlocks', () => {
  it('round-trips paragraphsToLexical', () => {
    const paragraphs = [QUOTE, DASHES, 'Dritter Absatz mit Ümläuten und ß.']
    expect(lexicalBlocks(paragraphsToLexical(paragraphs))).toEqual(paragraphs)
  })

  it('trims each block but keeps empty blocks as ""', () => {
    expect(lexicalBlocks(paragraphsToLexical(['  a  ', '', '   ', 'b']))).toEqual([
      'a',
      '',
      '',
      'b',
    ])
  })

  it('reads headings, quotes and nested inline nodes such as links', () => {
    const content = state(
      block('heading', text('Überschrift')),
      block('paragraph', text('Siehe '), block('link', text('hier')), text('.')),
      block('quote', text('Zitat')),
    )
    expect(lexicalBlocks(content)).toEqual(['Überschrift', 'Siehe hier.', 'Zitat'])
  })

  it('turns line breaks into newlines', () => {
    const content = state(
      block('paragraph', text('Zeile 1'), { type: 'linebreak' }, text('Zeile 2')),
    )
    expect(lexicalBlocks(content)).toEqual(['Zeile 1\nZeile 2'])
  })

  it('ignores nodes without text (e.g. uploads, horizontal rules)', () => {
    const content = state({ type: 'upload', value: 1 }, block('paragraph', text('Text')), {
      type: 'horizontalrule',
    })
    expect(lexicalBlocks(content)).toEqual(['', 'Text', ''])
  })

  it('ignores a text node whose text is not a string', () => {
    expect(
      lexicalBlocks(
        state(block('paragraph', { type: 'text', text: 42 as unknown as string }, text('ok'))),
      ),
    ).toEqual(['ok'])
  })

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'garbage'],
    ['a number', 42],
    ['an array', []],
    ['an empty object', {}],
    ['a null root', { root: null }],
    ['a root without children', { root: { type: 'root' } }],
    ['a root whose children are not an array', { root: { children: 'abc' } }],
    ['a root whose children are an object', { root: { children: { 0: 'x' } } }],
  ])('returns [] for %s', (_label, input) => {
    expect(lexicalBlocks(input)).toEqual([])
    expect(lexicalToPlainText(input)).toBe('')
    expect(excerptFromContent(input)).toBeUndefined()
  })

  it('skips garbage inside the tree instead of throwing', () => {
    // Corrupted or hand-edited JSON: a null block and a block whose children is not an array.
    const content = {
      root: {
        type: 'root',
        children: [null, block('paragraph', text('Text')), { type: 'paragraph', children: 'x' }],
      },
    }
    expect(() => lexicalBlocks(content)).not.toThrow()
    expect(lexicalToPlainText(content)).toBe('Text')
    expect(excerptFromContent(content)).toBe('Text')
  })
})

describe('lexicalToPlainText', () => {
  it('joins non-empty blocks with a blank line', () => {
    expect(lexicalToPlainText(paragraphsToLexical([QUOTE, '', '   ', DASHES]))).toBe(
      `${QUOTE}\n\n${DASHES}`,
    )
  })

  it('returns a single paragraph unchanged', () => {
    expect(lexicalToPlainText(paragraphsToLexical([QUOTE]))).toBe(QUOTE)
  })

  it('returns "" for an empty document', () => {
    expect(lexicalToPlainText(paragraphsToLexical([]))).toBe('')
    expect(lexicalToPlainText(paragraphsToLexical(['', ' ']))).toBe('')
  })

  it('round-trips with paragraphsToLexical via split', () => {
    const paragraphs = ['Eins.', QUOTE, 'Drei.']
    expect(lexicalToPlainText(paragraphsToLexical(paragraphs)).split('\n\n')).toEqual(paragraphs)
  })
})

describe('truncateAtWord', () => {
  it('returns short text unchanged', () => {
    expect(truncateAtWord('Kurzer Text', 50)).toBe('Kurzer Text')
  })

  it('does not cut text that is exactly max characters long', () => {
    const exact = 'Genau zwanzig Zeiche'
    expect(exact).toHaveLength(20)
    expect(truncateAtWord(exact, 20)).toBe(exact)
  })

  it('collapses whitespace and trims before measuring', () => {
    expect(truncateAtWord('  Viel \n\n  Platz\t hier  ', 50)).toBe('Viel Platz hier')
    expect(truncateAtWord('  a    b  ', 3)).toBe('a b')
  })

  it('cuts at a word boundary and marks the cut with …', () => {
    const result = truncateAtWord(
      'Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen',
      20,
    )
    expect(result).toBe('Der Bundestag hat…')
    expect(result.length).toBeLessThanOrEqual(20)
  })

  it('does not leave punctuation or dashes before the …', () => {
    expect(truncateAtWord('Erstens, zweitens, drittens und viertens', 12)).toBe('Erstens…')
    expect(truncateAtWord('Die Lage – so der Minister – ist ernst', 12)).toBe('Die Lage…')
    expect(truncateAtWord('Ergebnis: gut und schlecht zugleich', 14)).toBe('Ergebnis: gut…')
    expect(truncateAtWord('Ergebnis: gut und schlecht zugleich', 12)).toBe('Ergebnis…')
  })

  it('keeps only whole words when cutting at a space', () => {
    expect(truncateAtWord('Eins zwei drei vier fünf', 17)).toBe('Eins zwei drei…')
    expect(truncateAtWord('Eins zwei drei vier fünf', 21)).toBe('Eins zwei drei vier…')
  })

  it('cuts inside a word when there is no space in the second half', () => {
    expect(truncateAtWord('Donaudampfschifffahrtsgesellschaft', 10)).toBe('Donaudamp…')
    expect(truncateAtWord('Ab Donaudampfschifffahrtsgesellschaft', 12)).toBe('Ab Donaudam…')
  })

  it('keeps German quotes and dashes intact', () => {
    expect(truncateAtWord(QUOTE, 40)).toBe('„Das ist ein guter Tag“, sagte die…')
  })

  it.each([5, 10, 17, 25, 40, 60, 78])(
    'never exceeds max=%i and always ends with … when cut',
    (max) => {
      const result = truncateAtWord(QUOTE, max)
      expect(QUOTE.length).toBeGreaterThan(max)
      expect(result.length).toBeLessThanOrEqual(max)
      expect(result.endsWith('…')).toBe(true)
      expect(QUOTE.startsWith(result.slice(0, -1))).toBe(true)
    },
  )
})

describe('excerptFromContent', () => {
  it('uses the first non-empty paragraph', () => {
    expect(
      excerptFromContent(
        paragraphsToLexical(['', '   ', 'Erster echter Absatz.', 'Zweiter Absatz.']),
      ),
    ).toBe('Erster echter Absatz.')
  })

  it('returns the first paragraph exactly when it is short', () => {
    expect(excerptFromContent(paragraphsToLexical([QUOTE, DASHES]))).toBe(QUOTE)
  })

  it('returns undefined when there is no text', () => {
    expect(excerptFromContent(paragraphsToLexical([]))).toBeUndefined()
    expect(excerptFromContent(paragraphsToLexical(['', '  ']))).toBeUndefined()
  })

  it('cuts a long first paragraph to at most 400 characters by default', () => {
    const long = Array.from({ length: 100 }, (_, i) => `Wort${i}`).join(' ')
    expect(long.length).toBeGreaterThan(400)
    const excerpt = excerptFromContent(paragraphsToLexical([long, 'Zweiter']))
    expect(excerpt).toBeDefined()
    expect(excerpt!.length).toBeLessThanOrEqual(400)
    expect(excerpt!.length).toBeGreaterThan(390)
    expect(excerpt!.endsWith('…')).toBe(true)
    expect(excerpt).toMatch(/^Wort0 Wort1 .* Wort\d+…$/)
    expect(long.startsWith(excerpt!.slice(0, -1) + ' ')).toBe(true)
  })

  it('keeps a 400-character first paragraph whole', () => {
    const exact = `${'a'.repeat(199)} ${'b'.repeat(200)}`
    expect(exact).toHaveLength(400)
    expect(excerptFromContent(paragraphsToLexical([exact]))).toBe(exact)
  })

  it('respects a custom max', () => {
    expect(
      excerptFromContent(paragraphsToLexical(['Der Bundestag hat am Donnerstag beschlossen']), 20),
    ).toBe('Der Bundestag hat…')
  })
})

describe('safeHref and linkHref', () => {
  const UNSAFE = [
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'javascript:alert(1)',
    '  JavaScript:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '//evil.example',
    '/\\evil.example',
    'nicht einmal eine URL',
    '',
  ]
  const SAFE = [
    'https://example.org/a?b=1',
    'http://example.org',
    'mailto:redaktion@example.org',
    'tel:+49301234',
    '/artikel/x',
    '#absatz-2',
  ]
  const noDocs = () => '/nie'

  it.each(UNSAFE)('refuses %j', (url) => {
    expect(safeHref(url)).toBeUndefined()
  })

  it.each(SAFE)('keeps %j', (url) => {
    expect(safeHref(url)).toBe(url)
  })

  it.each(['link', 'autolink'])('applies the allow-list to %s nodes', (type) => {
    for (const url of UNSAFE)
      expect(linkHref({ type, fields: { url, linkType: 'custom' } }, noDocs), url).toBeUndefined()
    expect(linkHref({ type, fields: { url: 'https://example.org' } }, noDocs)).toBe(
      'https://example.org',
    )
  })

  it('an autolink cannot pose as an internal link', () => {
    expect(
      linkHref({ type: 'autolink', fields: { url: 'data:,x', linkType: 'internal' } }, noDocs),
    ).toBeUndefined()
    expect(
      linkHref({ type: 'link', fields: { linkType: 'internal', doc: null } }, () => undefined),
    ).toBeUndefined()
    expect(linkHref({ type: 'link', fields: { linkType: 'internal' } }, () => '/artikel/a')).toBe(
      '/artikel/a',
    )
  })

  it('nodes without fields lead nowhere', () => {
    expect(linkHref({ type: 'autolink' }, noDocs)).toBeUndefined()
  })
})
