/**
 * Word count and reading time of an article, for editors (shown next to the editor, never
 * stored). Pure: used by the admin component in the browser and by tests.
 */
import type { LexicalNode } from './lexical'

/** Words a reader reads per minute: 200, a common figure for news text read on a screen. */
export const WORDS_PER_MINUTE = 200

/** A word is a run of non-space characters holding at least one letter or digit (not "–"). */
const WORD_CHAR = /[\p{L}\p{N}]/u

export function countWords(text: string): number {
  let count = 0
  for (const token of text.split(/\s+/)) if (WORD_CHAR.test(token)) count += 1
  return count
}

/** Minutes to read `words` words, rounded, at least one for any text; 0 for none. */
export function readingMinutes(words: number, wordsPerMinute = WORDS_PER_MINUTE): number {
  if (words <= 0) return 0
  return Math.max(1, Math.round(words / wordsPerMinute))
}

export type ReadingStats = { words: number; minutes: number }

const INLINE = new Set(['text', 'link', 'autolink', 'linebreak', 'tab'])

/**
 * The text of a node: inline pieces (a bold word inside a word, a link) joined as they are,
 * blocks (paragraphs, list items, table cells) apart, so their words never run together.
 */
function textOf(node: LexicalNode | null | undefined, depth = 0): string {
  if (!node || typeof node !== 'object' || depth > 100) return ''
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : ''
  if (node.type === 'linebreak' || node.type === 'tab') return ' '
  if (!Array.isArray(node.children)) return ''
  let text = ''
  node.children.forEach((child, index) => {
    const previous = node.children![index - 1]
    const apart = index > 0 && !(INLINE.has(previous?.type) && INLINE.has(child?.type))
    text += (apart ? ' ' : '') + textOf(child, depth + 1)
  })
  return text
}

/** Words and reading minutes of a Lexical editor state (every block: text, headings, lists …). */
export function readingStats(content: unknown): ReadingStats {
  const root = (content as { root?: LexicalNode } | null | undefined)?.root
  const words = root ? countWords(textOf(root)) : 0
  return { words, minutes: readingMinutes(words) }
}

const numbers = { de: new Intl.NumberFormat('de-DE'), en: new Intl.NumberFormat('en-GB') }

/**
 * "1.234 Wörter · ca. 6 Min. Lesezeit"; "Noch kein Text" when there is none. The admin's
 * English gets "1,234 words · approx. 6 min read".
 */
export function formatReadingStats({ words, minutes }: ReadingStats, language = 'de'): string {
  const de = language !== 'en'
  const number = numbers[de ? 'de' : 'en']
  if (words <= 0) return de ? 'Noch kein Text' : 'No text yet'
  if (!de)
    return `${number.format(words)} ${words === 1 ? 'word' : 'words'} · approx. ${number.format(minutes)} min read`
  const count = `${number.format(words)} ${words === 1 ? 'Wort' : 'Wörter'}`
  return `${count} · ca. ${number.format(minutes)} Min. Lesezeit`
}
