/**
 * The rules for reader comments, free of Payload so they can be unit-tested and read in one
 * place. The collection hooks (src/collections/Comments/hooks/commentRules.ts) apply them to
 * every create, whichever API it arrives through.
 */
import { isValidEmail } from '../lib/validation'

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam'

export const COMMENT_BODY_MIN = 2
export const COMMENT_BODY_MAX = 5000
export const COMMENT_NAME_MAX = 80
/** A top-level comment has depth 1, a reply to it 2, a reply to that reply 3. */
export const COMMENT_MAX_DEPTH = 3

/**
 * "Faster than a human could type": the form must have been open for at least
 * `HUMAN_MIN_FORM_MS` plus `HUMAN_MS_PER_CHAR` per character of the comment, i.e. a typing
 * speed of 20 characters per second (≈ 240 words per minute) — faster than any typist.
 * The clock starts when the form is rendered, so reading the article counts too; the wait is
 * capped at `HUMAN_MAX_WAIT_MS` so a long comment pasted after a short read is not caught.
 */
const HUMAN_MIN_FORM_MS = 3_000
const HUMAN_MS_PER_CHAR = 50
export const HUMAN_MAX_WAIT_MS = 60_000

export type SpamAction = 'spam' | 'pending'

export type CommentSettingsValues = {
  /** One term per line; `*` at the end matches every word that starts with the term. */
  blockList: string[]
  /** More links than this in one comment is a spam signal. */
  maxLinks: number
  /** Where a comment with a spam signal goes. */
  spamAction: SpamAction
  /** Approve at once when the email already has an approved comment (and nothing looks like spam). */
  autoApproveKnown: boolean
  /** Comments close this many days after publication; `null` = never. */
  closeAfterDays: number | null
  /** Per client IP; 0 switches a window off. */
  rateLimitPerMinute: number
  rateLimitPerHour: number
  /** Email editors about new pending comments. */
  notifyEditors: boolean
}

export const DEFAULT_COMMENT_SETTINGS: CommentSettingsValues = {
  blockList: [],
  maxLinks: 2,
  spamAction: 'spam',
  autoApproveKnown: true,
  closeAfterDays: null,
  rateLimitPerMinute: 5,
  rateLimitPerHour: 30,
  notifyEditors: true,
}

export type FieldError = { path: string; message: string }

export type Submission = { authorName: string; authorEmail: string; body: string }

// C0/C1 control characters except tab and newline, plus zero-width and bidi override marks.
const CONTROL_CHARS =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g

/** Plain text as it is stored: Unix line breaks, no control characters, no outer whitespace. */
export function normalizeBody(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '').trim()
}

/** A name on one line with single spaces. */
function normalizeName(value: string): string {
  return value.replace(CONTROL_CHARS, '').replace(/\s+/g, ' ').trim()
}

export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase()
}

/** The honeypot is filled when it holds anything but whitespace (or is not a string at all). */
export function isHoneypotFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false
  return typeof value !== 'string' || value.trim() !== ''
}

/**
 * Checks name, email and body of a reader's submission and returns them normalised, or every
 * problem found, each with the field it belongs to and a message for the reader.
 */
export function validateSubmission(input: {
  authorName?: unknown
  authorEmail?: unknown
  body?: unknown
}): { ok: true; value: Submission } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const authorName = typeof input.authorName === 'string' ? normalizeName(input.authorName) : ''
  const authorEmail = typeof input.authorEmail === 'string' ? normalizeEmail(input.authorEmail) : ''
  const body = typeof input.body === 'string' ? normalizeBody(input.body) : ''

  if (!authorName) errors.push({ path: 'authorName', message: 'Bitte einen Namen angeben.' })
  else if (authorName.length > COMMENT_NAME_MAX) {
    errors.push({
      path: 'authorName',
      message: `Der Name darf höchstens ${COMMENT_NAME_MAX} Zeichen lang sein.`,
    })
  }
  if (!authorEmail)
    errors.push({ path: 'authorEmail', message: 'Bitte eine E-Mail-Adresse angeben.' })
  else if (!isValidEmail(authorEmail)) {
    errors.push({ path: 'authorEmail', message: 'Bitte eine gültige E-Mail-Adresse angeben.' })
  }
  if (body.length < COMMENT_BODY_MIN) {
    errors.push({
      path: 'body',
      message: `Der Kommentar muss mindestens ${COMMENT_BODY_MIN} Zeichen lang sein.`,
    })
  } else if (body.length > COMMENT_BODY_MAX) {
    errors.push({
      path: 'body',
      message: `Der Kommentar darf höchstens ${COMMENT_BODY_MAX} Zeichen lang sein (jetzt ${body.length}).`,
    })
  }
  return errors.length
    ? { ok: false, errors }
    : { ok: true, value: { authorName, authorEmail, body } }
}

/**
 * Links in a text: anything starting with `http://`, `https://` or `www.`, plus BBCode and
 * HTML link markup. Bare domain names ("spiegel.de") are not counted: readers mention sources.
 */
export function countLinks(text: string): number {
  const urls = text.match(/(?:\bhttps?:\/\/|\bwww\.)[^\s<>"']+/gi)?.length ?? 0
  const markup = text.match(/\[url[=\]]|<a\s[^>]*href/gi)?.length ?? 0
  return urls + markup
}

const foldCase = (text: string) => text.normalize('NFKC').toLocaleLowerCase('de')

/** The editor-maintained block list: one term per line, `#` starts a comment line, case-insensitive. */
export function parseBlockList(text: string | null | undefined): string[] {
  if (!text) return []
  const terms = text
    .split(/\r?\n/)
    .map((line) => foldCase(line).replace(/\s+/g, ' ').trim())
    .filter((line) => line && !line.startsWith('#') && line !== '*')
  return [...new Set(terms)]
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The block-list terms that occur in any of the texts as whole words ("sex" does not match
 * "Essex"); a term ending in `*` matches every word that starts with it ("viagra*").
 */
export function findBlockedTerms(texts: string[], blockList: string[]): string[] {
  if (!blockList.length) return []
  const haystack = foldCase(texts.join('\n'))
  return blockList.filter((term) => {
    const prefix = term.endsWith('*')
    const core = escapeRegExp(prefix ? term.slice(0, -1) : term).replace(/ /g, '\\s+')
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${core}${prefix ? '' : '(?![\\p{L}\\p{N}])'}`,
      'u',
    )
    return pattern.test(haystack)
  })
}

/** How long a human needs at least, from seeing the form to sending a comment of this length. */
export function minimumHumanMs(bodyLength: number): number {
  return Math.min(
    HUMAN_MAX_WAIT_MS,
    HUMAN_MIN_FORM_MS + Math.max(0, bodyLength) * HUMAN_MS_PER_CHAR,
  )
}

/** What the form token says; see src/comments/formToken.ts. */
export type TokenCheck =
  | { status: 'missing' }
  | { status: 'expired' }
  | { status: 'invalid' }
  | { status: 'valid'; elapsedMs: number }

export type SpamSignal =
  `links:${number}` | `blocklist:${string}` | `fast:${number}ms` | 'token-invalid'

/**
 * Reasons to distrust a submission: too many links, a blocked term (in name, email or body),
 * sent faster than a human types, or a forged form token. A missing or expired token (a plain
 * API client, a page left open for days) is no signal, but it never lets a comment be approved
 * automatically either (see decideStatus).
 */
export function spamSignals({
  submission,
  settings,
  token,
}: {
  submission: Submission
  settings: Pick<CommentSettingsValues, 'maxLinks' | 'blockList'>
  token: TokenCheck
}): SpamSignal[] {
  const signals: SpamSignal[] = []
  const links = countLinks(submission.body) + countLinks(submission.authorName)
  if (links > settings.maxLinks) signals.push(`links:${links}`)
  const blocked = findBlockedTerms(
    [submission.authorName, submission.authorEmail, submission.body],
    settings.blockList,
  )
  for (const term of blocked) signals.push(`blocklist:${term}`)
  if (token.status === 'invalid') signals.push('token-invalid')
  if (token.status === 'valid' && token.elapsedMs < minimumHumanMs(submission.body.length)) {
    signals.push(`fast:${Math.max(0, Math.round(token.elapsedMs))}ms`)
  }
  return signals
}

/** Whether the known-commenter lookup is worth a query: only when it could change the outcome. */
export function mayAutoApprove({
  signals,
  settings,
  token,
}: {
  signals: readonly string[]
  settings: Pick<CommentSettingsValues, 'autoApproveKnown'>
  token: TokenCheck
}): boolean {
  return settings.autoApproveKnown && signals.length === 0 && token.status === 'valid'
}

/**
 * The status of a reader's comment: a spam signal sends it where the settings say; a known
 * commenter (an earlier comment with this email was approved) who came through the site's form
 * is approved when auto-approval is on; everything else waits for moderation.
 */
export function decideStatus({
  signals,
  settings,
  token,
  knownCommenter,
}: {
  signals: readonly string[]
  settings: Pick<CommentSettingsValues, 'autoApproveKnown' | 'spamAction'>
  token: TokenCheck
  knownCommenter: boolean
}): CommentStatus {
  if (signals.length) return settings.spamAction
  if (knownCommenter && mayAutoApprove({ signals, settings, token })) return 'approved'
  return 'pending'
}

/** Depth of a new comment: 1 without a parent, otherwise one deeper than its parent. */
export function replyDepth(parentDepth: number | null | undefined): number {
  return Math.max(1, Math.floor(parentDepth ?? 1)) + 1
}

export type CommentingState =
  { open: true } | { open: false; reason: 'missing' | 'unpublished' | 'disabled' | 'closed' }

const DAY_MS = 24 * 60 * 60 * 1000

/** Whether readers may comment on an article right now. */
export function commentingState(
  article:
    | {
        _status?: string | null
        commentsEnabled?: boolean | null
        publishedAt?: string | Date | null
      }
    | null
    | undefined,
  closeAfterDays: number | null | undefined,
  now: number,
): CommentingState {
  if (!article) return { open: false, reason: 'missing' }
  if (article._status !== 'published') return { open: false, reason: 'unpublished' }
  if (article.commentsEnabled === false) return { open: false, reason: 'disabled' }
  if (
    closeAfterDays !== null &&
    closeAfterDays !== undefined &&
    closeAfterDays >= 0 &&
    article.publishedAt
  ) {
    const publishedAt = new Date(article.publishedAt).getTime()
    if (Number.isFinite(publishedAt) && now >= publishedAt + closeAfterDays * DAY_MS)
      return { open: false, reason: 'closed' }
  }
  return { open: true }
}

/** Settings as stored in the global, cleaned up and completed with the defaults. */
export function normalizeSettings(
  raw: Record<string, unknown> | null | undefined,
): CommentSettingsValues {
  const value = raw ?? {}
  const count = (input: unknown, fallback: number) =>
    typeof input === 'number' && Number.isFinite(input) && input >= 0 ? Math.floor(input) : fallback
  const flag = (input: unknown, fallback: boolean) =>
    typeof input === 'boolean' ? input : fallback
  const closeAfterDays =
    typeof value.closeAfterDays === 'number' &&
    Number.isFinite(value.closeAfterDays) &&
    value.closeAfterDays >= 0
      ? value.closeAfterDays
      : null
  return {
    blockList: parseBlockList(typeof value.blockList === 'string' ? value.blockList : ''),
    maxLinks: count(value.maxLinks, DEFAULT_COMMENT_SETTINGS.maxLinks),
    spamAction:
      value.spamAction === 'pending' || value.spamAction === 'spam'
        ? value.spamAction
        : DEFAULT_COMMENT_SETTINGS.spamAction,
    autoApproveKnown: flag(value.autoApproveKnown, DEFAULT_COMMENT_SETTINGS.autoApproveKnown),
    closeAfterDays,
    rateLimitPerMinute: count(
      value.rateLimitPerMinute,
      DEFAULT_COMMENT_SETTINGS.rateLimitPerMinute,
    ),
    rateLimitPerHour: count(value.rateLimitPerHour, DEFAULT_COMMENT_SETTINGS.rateLimitPerHour),
    notifyEditors: flag(value.notifyEditors, DEFAULT_COMMENT_SETTINGS.notifyEditors),
  }
}
