/**
 * Turns a scraped news page (plain text, one paragraph per line) into a structured article.
 * Pure on purpose: no Payload, no file system — the importer reads the files and maps the result.
 */
// Relative import so the module also loads where the `@/` alias is not configured (plain vitest, tsx).
import { findLicense } from '../lib/licenses'

export type ImageCredit = { author?: string; license: string; provider?: string }

export type ParsedArticle = {
  title: string
  dateline?: string
  paragraphs: string[]
  imageCredit?: ImageCredit
  /** Nominative agency / outlet names, in order of appearance, deduplicated. */
  sources: string[]
  language: 'de' | 'en'
}

export class ArticleParseError extends Error {
  readonly fileName: string
  readonly reason: string

  constructor(reason: string, fileName = '') {
    super(fileName ? `${fileName}: ${reason}` : reason)
    this.name = 'ArticleParseError'
    this.fileName = fileName
    this.reason = reason
  }
}

// ---------------------------------------------------------------------------------------------
// Chrome: site furniture and scraper artefacts, matched against whole lines only so that body
// sentences that merely mention e.g. "Kommentar" survive.

export type ChromePattern = {
  pattern: RegExp
  /** the following line is a teaser title */ dropNext?: boolean
}

/** Whole line, any case, possibly repeated ("X X"), with trailing punctuation or a required-field `*`. */
const chromeLine = (source: string, dropNext = false): ChromePattern => ({
  pattern: new RegExp(`^(?:(?:${source})[\\s.,:;!?…*|·-]*)+$`, 'iu'),
  dropNext,
})

const CHROME_LINES: readonly ChromePattern[] = [
  chromeLine('dark mode(?:\\s*[/|]?\\s*light mode)?|light mode'),
  chromeLine('inhalt des artikels|article content'),
  chromeLine('kommentar hinzufügen|add (?:a )?comment'),
  chromeLine(
    '(?:schreibe|hinterlasse|schreiben sie|hinterlassen sie) einen kommentar|leave a (?:reply|comment)',
  ),
  chromeLine(
    '(?:deine|ihre) e-?mail-?adresse wird nicht veröffentlicht.*|your email address will not be published.*',
  ),
  chromeLine('erforderliche felder sind mit \\* markiert.*|required fields are marked.*'),
  chromeLine('name|e-?mail|website|webseite|kommentar|comment'),
  chromeLine('kommentar (?:abschicken|absenden)|(?:post|submit) comment'),
  chromeLine(
    'meinen namen, meine e-?mail-?adresse und meine website in diesem browser speichern.*',
  ),
  chromeLine('save my name, email, and website in this browser.*'),
  chromeLine(
    'source link(?:[\\s-]*\\d+)?|quelle\\s*:?\\s*link(?:[\\s-]*\\d+)?|quelllink(?:[\\s-]*\\d+)?',
  ),
  chromeLine('(?:artikel |beitrag )?teilen|share(?: this(?: article)?)?'),
  chromeLine('anzeige|werbung|advertisement|story continues below(?: this advertisement)?'),
  chromeLine('zum inhalt springen|skip to content'),
  chromeLine(
    'previous post|next post|previous article|next article|vorheriger (?:beitrag|artikel)|nächster (?:beitrag|artikel)',
    true,
  ),
]

function removeChrome(lines: string[]): string[] {
  const kept: string[] = []
  let skipTeaser = false
  for (const line of lines) {
    const chrome = CHROME_LINES.find(({ pattern }) => pattern.test(line))
    if (chrome) {
      // Another marker right after a marker means the first one had no teaser.
      skipTeaser = chrome.dropNext || skipTeaser
      continue
    }
    if (skipTeaser) {
      skipTeaser = false
      continue
    }
    kept.push(line)
  }
  return kept
}

// ---------------------------------------------------------------------------------------------
// Text hygiene

const BOM = /^\uFEFF/
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/
const EDGE_SPACE = /^[\s\u200B]+|[\s\u200B]+$/gu
const CONTROL_OR_REPLACEMENT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/gu
const MAX_BINARY_SHARE = 0.1

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true
  const suspicious = text.match(CONTROL_OR_REPLACEMENT)?.length ?? 0
  return suspicious / text.length > MAX_BINARY_SHARE
}

const splitLines = (text: string): string[] =>
  text
    .split(LINE_BREAK)
    .map((line) => line.replace(EDGE_SPACE, ''))
    .filter((line) => line !== '')

const clean = (text: string | undefined): string | undefined =>
  text?.replace(EDGE_SPACE, '').replace(/[.\s]+$/u, '') || undefined

const unique = (items: string[]): string[] => [...new Set(items)]

// ---------------------------------------------------------------------------------------------
// Image credit: `[Foto:] Author (Licence)[, Provider]` or `[Foto:] Author / Provider (Licence)`.
// Only a parenthesis that findLicense recognises makes a credit, so body sentences stay body.

const CREDIT_PREFIX = /^(?:fotos?|bild(?:er|quelle)?|titelbild|photo|image)\s*:\s*/iu
const CREDIT_SHAPE = /^(.*?)\s*\(([^()]+)\)\s*(?:[,;|–—-]\s*)?(.*)$/u
const MAX_CREDIT_LENGTH = 200
const MAX_CREDIT_PART_LENGTH = 80

function parseCreditLine(line: string): ImageCredit | undefined {
  if (line.length >= MAX_CREDIT_LENGTH) return undefined
  const match = CREDIT_SHAPE.exec(line.replace(CREDIT_PREFIX, ''))
  const license = match ? findLicense(match[2]) : undefined
  if (!match || !license) return undefined
  const [byline, ...slashProvider] = match[1].split(/\s+\/\s+/u)
  const author = clean(byline)
  const provider = clean(match[3]) ?? clean(slashProvider.join(' / '))
  if ([author, provider].some((part) => part && part.length > MAX_CREDIT_PART_LENGTH))
    return undefined
  return { ...(author && { author }), license: license.value, ...(provider && { provider }) }
}

// ---------------------------------------------------------------------------------------------
// Agencies

const AGENCY_ALIASES: Record<string, string[]> = {
  'The Associated Press': ['AP', 'Associated Press'],
  Reuters: ['Reuters', 'Thomson Reuters'],
  'Agence France-Presse': ['AFP', 'Agence France-Presse'],
  'Deutsche Presse-Agentur': ['dpa', 'Deutsche Presse-Agentur'],
  'Evangelischer Pressedienst': ['epd', 'Evangelischer Pressedienst'],
  'Katholische Nachrichten-Agentur': ['KNA', 'Katholische Nachrichten-Agentur'],
  'Austria Presse Agentur': ['APA', 'Austria Presse Agentur'],
  'Keystone-SDA': ['Keystone-SDA', 'SDA', 'Schweizerische Depeschenagentur'],
  'The Canadian Press': ['CP', 'Canadian Press', 'La Presse Canadienne'],
  Kyodo: ['Kyodo', 'Kyodo News'],
  Bloomberg: ['Bloomberg', 'Bloomberg News'],
  ANSA: ['ANSA'],
  EFE: ['EFE', 'Agencia EFE'],
  Xinhua: ['Xinhua', 'Xinhua News Agency'],
  Yonhap: ['Yonhap'],
  TASS: ['TASS'],
  Anadolu: ['Anadolu', 'Anadolu Agency'],
}

/** Compares names ignoring case, a leading "The" and dash/space spelling ("Presse Agentur"). */
const agencyKey = (name: string): string =>
  name
    .toLowerCase()
    .replace(/^the\s+/u, '')
    .replace(/[\s‐‑‒–—-]+/gu, ' ')
    .trim()

const CANONICAL_AGENCY = new Map(
  Object.entries(AGENCY_ALIASES).flatMap(([canonical, aliases]) =>
    [canonical, ...aliases].map((alias) => [agencyKey(alias), canonical] as const),
  ),
)
const GENERIC_AGENCY =
  /nachrichten-?agentur|presse-?agentur|depeschenagentur|pressedienst|news agency|press agency/iu

const ARTICLE_PREFIX = /^(?:(von|vom)\s+)?(?:(der|die|das|des|dem|den)\s+)?(.+)$/iu
const ADJECTIVE = /^\p{Lu}\p{Ll}+en$/u
// Place adjectives such as "Frankfurter" never inflect but may precede inflected ones.
const PRENOMINAL = /^\p{Lu}\p{Ll}+(?:en|er)$/u

/**
 * `der Deutschen Presse-Agentur` → `Deutsche Presse-Agentur`, `des Evangelischen Pressedienstes` →
 * `Evangelischer Pressedienst`. The article tells the case: `der` after von/mit is feminine
 * dative/genitive, `des`/`dem`/`den` are taken as masculine (neuter is rare for outlets).
 */
function normaliseSourceName(raw: string): string {
  const match = ARTICLE_PREFIX.exec(raw.trim())
  if (!match) return raw.trim()
  const article = match[2]?.toLowerCase() ?? (match[1]?.toLowerCase() === 'vom' ? 'dem' : undefined)
  const words = match[3].trim().split(/\s+/u)
  if (article === 'der' || article === 'des' || article === 'dem' || article === 'den') {
    let head = 0
    for (; head < words.length - 1 && PRENOMINAL.test(words[head]); head++) {
      if (ADJECTIVE.test(words[head]))
        words[head] = words[head].slice(0, -1) + (article === 'der' ? '' : 'r')
    }
    // "Presse- und Informationsamtes": the shared head noun comes after the coordination.
    while (head < words.length - 1 && /-$|^und$/u.test(words[head])) head++
    if (article === 'des' && head < words.length && /\p{Ll}s$/u.test(words[head])) {
      words[head] = words[head].replace(/e?s$/u, '')
    }
  }
  const name = words.join(' ')
  return CANONICAL_AGENCY.get(agencyKey(name)) ?? name
}

export function isNewsAgency(name: string): boolean {
  return CANONICAL_AGENCY.has(agencyKey(normaliseSourceName(name))) || GENERIC_AGENCY.test(name)
}

// Lower-case words allowed inside an outlet name; anything else means a body sentence.
const NAME_PARTICLES = new Set([
  'de',
  'del',
  'la',
  'le',
  'von',
  'van',
  'der',
  'des',
  'di',
  'du',
  'of',
  'the',
  'and',
  'und',
  'für',
  'am',
  'im',
])

const looksLikeName = (name: string): boolean =>
  CANONICAL_AGENCY.has(agencyKey(name)) ||
  name.split(/\s+/u).every((word) => /^[\p{Lu}\d]/u.test(word) || NAME_PARTICLES.has(word))

const ATTRIBUTION =
  /^[-–—]*\s*(?:mit\s+(?:dateien|material|informationen|agenturmaterial|agenturinformationen)|with\s+(?:files|reporting|material)\s+from)\s+(.+?)[\s.]*$/iu
const MAX_ATTRIBUTION_LENGTH = 160
// A hyphen before "und" is a compound ("Presse- und Informationsamt"), not a list.
const NAME_SEPARATOR = /\s*,\s*(?:(?:und|and|sowie)\s+)?|(?<!-)\s+(?:und|and|sowie|&)\s+/iu

/** `— Mit Dateien von Reuters und der Deutschen Presse-Agentur.` → ['Reuters', 'Deutsche Presse-Agentur']. */
function parseAttributionLine(line: string): string[] | undefined {
  if (line.length > MAX_ATTRIBUTION_LENGTH) return undefined
  const match = ATTRIBUTION.exec(line)
  if (!match) return undefined
  const names = match[1]
    .split(NAME_SEPARATOR)
    .map((part) => normaliseSourceName(part))
    .filter((name) => name !== '')
  return names.length > 0 && names.every(looksLikeName) ? names : undefined
}

// ---------------------------------------------------------------------------------------------
// Dateline: `OTTAWA – Kanada und …`, `NEW YORK - …`, `BERLIN (dpa) — …`.

const DATELINE = /^(\p{Lu}[\p{L}.,/' -]{0,40}?[\p{L}.])\s*(?:\(([^()]{1,40})\))?\s+[–—-]\s+(\S.*)$/u

type Dateline = { place: string; sources: string[]; text: string }

function splitDateline(paragraph: string): Dateline | undefined {
  const match = DATELINE.exec(paragraph)
  if (!match) return undefined
  const [, place, tag, text] = match
  if ((place.match(/\p{L}/gu)?.length ?? 0) < 2) return undefined
  // A tag must be an agency, so "Die Regierung (CDU) - …" is no dateline; with a tag the place
  // may be written in mixed case ("Berlin (dpa) – …"), without one it must be upper case.
  const tagged = tag?.split(/\s*[/,]\s*/u).filter(Boolean) ?? []
  if (tag !== undefined && (tagged.length === 0 || !tagged.every(isNewsAgency))) return undefined
  if (tag === undefined && place !== place.toUpperCase()) return undefined
  return { place: place.trim(), sources: tagged.map(normaliseSourceName), text }
}

// ---------------------------------------------------------------------------------------------
// Language

const GERMAN_WORDS = new Set([
  'der',
  'die',
  'und',
  'ist',
  'nicht',
  'mit',
  'von',
  'zu',
  'den',
  'das',
])
// "in" is left out: it is just as common in German.
const ENGLISH_WORDS = new Set(['the', 'and', 'is', 'of', 'to', 'with', 'that', 'for'])

function detectLanguage(paragraphs: string[]): 'de' | 'en' {
  let german = 0
  let english = 0
  for (const word of paragraphs
    .join(' ')
    .toLowerCase()
    .match(/\p{L}+/gu) ?? []) {
    if (GERMAN_WORDS.has(word)) german++
    if (ENGLISH_WORDS.has(word)) english++
  }
  return english > german * 2 ? 'en' : 'de'
}

// ---------------------------------------------------------------------------------------------

export function parseArticleText(text: string, fileName: string): ParsedArticle {
  const content = text.replace(BOM, '')
  if (content.trim() === '') throw new ArticleParseError('Datei ist leer (empty file)', fileName)
  if (looksBinary(content))
    throw new ArticleParseError('Binärinhalt statt Text (binary content)', fileName)

  let imageCredit: ImageCredit | undefined
  const attributed: string[] = []
  const lines: string[] = []
  for (const line of removeChrome(splitLines(content))) {
    const credit = parseCreditLine(line)
    const agencies = credit ? undefined : parseAttributionLine(line)
    if (credit) imageCredit ??= credit
    else if (agencies) attributed.push(...agencies)
    else lines.push(line)
  }

  const [title, ...paragraphs] = lines
  if (!title) throw new ArticleParseError('Kein Titel gefunden (no title found)', fileName)
  if (paragraphs.length === 0) {
    throw new ArticleParseError(
      'Kein Fließtext nach dem Titel (no body paragraphs after the title)',
      fileName,
    )
  }

  const dateline = splitDateline(paragraphs[0])
  if (dateline) paragraphs[0] = dateline.text

  return {
    title,
    ...(dateline && { dateline: dateline.place }),
    paragraphs,
    ...(imageCredit && { imageCredit }),
    sources: unique([...(dateline?.sources ?? []), ...attributed]),
    language: detectLanguage([title, ...paragraphs]),
  }
}
