/** Minimal structural types of a Lexical editor state, enough to build and read plain paragraphs. */
export type LexicalNode = {
  type: string
  text?: string
  children?: LexicalNode[]
  [key: string]: unknown
}

export type LexicalState = {
  root: LexicalNode & { children: LexicalNode[] }
}

const textNode = (text: string): LexicalNode => ({
  type: 'text',
  text,
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const paragraphNode = (text: string): LexicalNode => ({
  type: 'paragraph',
  children: [textNode(text)],
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  version: 1,
})

/** Builds a Lexical editor state holding one paragraph per entry, text kept exactly. */
export function paragraphsToLexical(paragraphs: string[]): LexicalState {
  return {
    root: {
      type: 'root',
      children: paragraphs.map(paragraphNode),
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
    },
  }
}

const nodeText = (node: LexicalNode | null | undefined): string => {
  if (!node || typeof node !== 'object') return ''
  if (node.type === 'text' && typeof node.text === 'string') return node.text
  if (node.type === 'linebreak') return '\n'
  if (!Array.isArray(node.children)) return ''
  return node.children.map(nodeText).join(node.type === 'list' ? '\n' : '')
}

/** The text of each top-level block (paragraph, heading, quote, list …), in order. */
export function lexicalBlocks(state: unknown): string[] {
  const root = (state as LexicalState | null | undefined)?.root
  if (!root || !Array.isArray(root.children)) return []
  return root.children.map(nodeText).map((text) => text.trim())
}

export function lexicalToPlainText(state: unknown): string {
  return lexicalBlocks(state).filter(Boolean).join('\n\n')
}

/** Shortens text to at most `max` characters at a word boundary, marking the cut with `…`. */
export function truncateAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  const endsOnWord = clean[max - 1] === ' '
  const lastSpace = cut.lastIndexOf(' ')
  const base = endsOnWord ? cut : lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut
  return `${base.replace(/[\s,;:–—-]+$/, '')}…`
}

/** The excerpt an article gets when the editor leaves it empty: its first paragraph. */
export function excerptFromContent(state: unknown, max = 400): string | undefined {
  const first = lexicalBlocks(state).find(Boolean)
  return first ? truncateAtWord(first, max) : undefined
}

/** The fields of a Lexical `link` or `autolink` node. */
export type LinkFields = {
  url?: string
  newTab?: boolean
  linkType?: 'custom' | 'internal'
  doc?: { relationTo?: string; value?: unknown } | null
}

const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:']

/**
 * Only links a reader can safely follow: web, mail, phone, and paths and anchors on this
 * site; anything else (`javascript:`, `data:`, `//host`, `/\host` …) is `undefined`.
 */
export function safeHref(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined
  const trimmed = url.trim()
  if (!trimmed) return undefined
  if (trimmed.startsWith('#')) return trimmed
  if (trimmed.startsWith('/')) return /^\/[/\\]/.test(trimmed) ? undefined : trimmed
  try {
    return SAFE_PROTOCOLS.includes(new URL(trimmed).protocol) ? trimmed : undefined
  } catch {
    return undefined
  }
}

/**
 * Where a `link` or `autolink` node may lead, or `undefined` (then it is shown as plain text).
 * Both kinds go through the same allow-list; only `link` nodes can point at a document, which
 * `internalHref` resolves.
 */
export function linkHref(
  node: { type?: string; fields?: unknown },
  internalHref: (doc: LinkFields['doc']) => string | undefined,
): string | undefined {
  const fields = (node.fields && typeof node.fields === 'object' ? node.fields : {}) as LinkFields
  if (node.type === 'link' && fields.linkType === 'internal') return internalHref(fields.doc)
  return safeHref(fields.url)
}
