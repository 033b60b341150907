/**
 * The reader's comment form, without React and without fetch: what the form sends, how the
 * answer of GraphQL `createComment` becomes what the reader sees. The server action
 * (src/app/(frontend)/_components/commentActions.ts) glues it together; the rules themselves
 * live on the server (src/collections/Comments/hooks/commentRules.ts) and are not repeated here.
 */
import type { GraphQLErrorEntry, MutationResult } from './client'
import type { CreateCommentMutation, MutationCommentInput } from './gql/graphql'

/** Anchor of the form on the article page (reply links and the no-JS postback land here). */
export const COMMENT_FORM_ANCHOR = 'kommentar-formular'

const COMMENT_FORM_FIELDS = ['authorName', 'authorEmail', 'body'] as const
export type CommentFormField = (typeof COMMENT_FORM_FIELDS)[number]
export type CommentFormValues = Record<CommentFormField, string>

export type CommentFormOutcome = 'idle' | 'pending' | 'approved' | 'error'

export type CommentFormState = {
  /** Submissions so far; the form moves focus to the new message when it changes. */
  round: number
  outcome: CommentFormOutcome
  /** The message above the form: the moderation notice, or what went wrong (German). */
  message: string | null
  /** Messages next to the fields (German). */
  fieldErrors: Partial<Record<CommentFormField, string>>
  /** What the form shows: the reader's input after an error, empty after a successful post. */
  values: CommentFormValues
  /** The hidden `formToken` for the next submission; `null` = none (yet). */
  formToken: string | null
  /** The new comment, when it is published at once. */
  commentId: string | null
}

const EMPTY_VALUES: CommentFormValues = { authorName: '', authorEmail: '', body: '' }

export const initialCommentFormState = (formToken: string | null = null): CommentFormState => ({
  round: 0,
  outcome: 'idle',
  message: null,
  fieldErrors: {},
  values: EMPTY_VALUES,
  formToken,
  commentId: null,
})

export const MESSAGES = {
  pending:
    'Danke! Ihr Kommentar wartet auf Freigabe durch die Redaktion und erscheint, sobald er geprüft ist.',
  approved: 'Danke! Ihr Kommentar ist veröffentlicht.',
  checkFields: 'Der Kommentar wurde nicht gesendet. Bitte die markierten Angaben prüfen.',
  failed:
    'Der Kommentar konnte gerade nicht gesendet werden. Bitte versuchen Sie es in ein paar Minuten noch einmal.',
} as const

/** „… bitte in N Minuten erneut versuchen.“ — whole minutes, at least one. */
export function rateLimitMessage(retryAfterSeconds: number | null | undefined): string {
  const seconds =
    typeof retryAfterSeconds === 'number' && Number.isFinite(retryAfterSeconds)
      ? retryAfterSeconds
      : 60
  const minutes = Math.max(1, Math.ceil(seconds / 60))
  return `Zu viele Kommentare in kurzer Zeit – bitte in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} erneut versuchen.`
}

/** Longest text kept from one input (the server allows 5 000 characters and says so). */
const MAX_KEPT = 20_000
const FORM_TOKEN_PATTERN = /^[0-9a-z]{1,12}\.[0-9a-f]{32}$/
const ID_PATTERN = /^[0-9A-Za-z_-]{1,64}$/

export type CommentSubmission = {
  values: CommentFormValues
  article: string
  parent: string | null
  /** The honeypot, passed on as it came: the server decides. */
  website: string
  formToken: string | null
}

type FormSource = { get(name: string): FormDataEntryValue | null }

const text = (form: FormSource, name: string): string => {
  const value = form.get(name)
  return typeof value === 'string' ? value.slice(0, MAX_KEPT) : ''
}

/** The fields of a posted form, as strings; files and unknown fields are ignored. */
export function readCommentForm(form: FormSource): CommentSubmission {
  const parent = text(form, 'parent').trim()
  const token = text(form, 'formToken').trim()
  return {
    values: {
      authorName: text(form, 'authorName'),
      authorEmail: text(form, 'authorEmail'),
      body: text(form, 'body'),
    },
    article: text(form, 'article').trim(),
    parent: parent && ID_PATTERN.test(parent) ? parent : null,
    website: text(form, 'website'),
    formToken: token && FORM_TOKEN_PATTERN.test(token) ? token : null,
  }
}

/** The `createComment` input: exactly what a reader may send, nothing the server decides. */
export function commentInput(submission: CommentSubmission): MutationCommentInput {
  return {
    article: submission.article,
    parent: submission.parent,
    authorName: submission.values.authorName,
    authorEmail: submission.values.authorEmail,
    body: submission.values.body,
    website: submission.website,
    formToken: submission.formToken,
  }
}

type FieldErrorData = { path?: unknown; field?: unknown; message?: unknown }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

function fieldErrorsOf(error: GraphQLErrorEntry): { path: string; message: string }[] {
  const data = error.extensions?.data
  const list = isRecord(data) && Array.isArray(data.errors) ? (data.errors as FieldErrorData[]) : []
  return list.flatMap((entry) => {
    const path =
      typeof entry?.path === 'string'
        ? entry.path
        : typeof entry?.field === 'string'
          ? entry.field
          : ''
    const message = typeof entry?.message === 'string' ? entry.message.trim() : ''
    return path && message ? [{ path, message }] : []
  })
}

const isFormField = (path: string): path is CommentFormField =>
  (COMMENT_FORM_FIELDS as readonly string[]).includes(path)

/** Seconds until the rate limit lets the reader post again: the error's data, else `Retry-After`. */
function retryAfterOf(error: GraphQLErrorEntry, header: string | null): number | null {
  const data = error.extensions?.data
  if (isRecord(data) && typeof data.retryAfter === 'number') return data.retryAfter
  const fromHeader = header ? Number(header) : NaN
  return Number.isFinite(fromHeader) ? fromHeader : null
}

/**
 * What the reader sees after posting, from the answer of `createComment`:
 *
 * - created: the moderation notice (also for comments the server filed as spam: no hint for
 *   spammers), or „veröffentlicht“ when the server approved it at once; the form is emptied;
 * - 400: each message next to its field (name, email, comment); anything else (honeypot,
 *   article, reply) above the form; the input is kept;
 * - 429: „Zu viele Kommentare … in N Minuten …“; 403/404: the server's message; anything
 *   else: a general „try again later“. The input is always kept.
 *
 * `formToken` is left to the caller (the server action mints a fresh one after a post).
 */
export function commentFormResult(
  result: MutationResult<CreateCommentMutation>,
  submission: CommentSubmission,
  round: number,
): Omit<CommentFormState, 'formToken'> {
  const created = result.data?.createComment
  if (created?.id && result.errors.length === 0) {
    const approved = created.status === 'approved'
    return {
      round,
      outcome: approved ? 'approved' : 'pending',
      message: approved ? MESSAGES.approved : MESSAGES.pending,
      fieldErrors: {},
      values: EMPTY_VALUES,
      commentId: approved ? created.id : null,
    }
  }

  const failed = (message: string, fieldErrors: CommentFormState['fieldErrors'] = {}) => ({
    round,
    outcome: 'error' as const,
    message,
    fieldErrors,
    values: submission.values,
    commentId: null,
  })

  const error = result.errors[0]
  if (!error) return failed(MESSAGES.failed)
  const status = Number(error.extensions?.statusCode) || 0
  if (status === 429) return failed(rateLimitMessage(retryAfterOf(error, result.retryAfter)))

  const entries = result.errors.flatMap(fieldErrorsOf)
  if (status === 400 && entries.length > 0) {
    const fieldErrors: CommentFormState['fieldErrors'] = {}
    const other: string[] = []
    for (const { path, message } of entries) {
      if (isFormField(path)) fieldErrors[path] ??= message
      else if (!other.includes(message)) other.push(message)
    }
    const summary = Object.keys(fieldErrors).length > 0 ? [MESSAGES.checkFields, ...other] : other
    return failed(summary.join(' '), fieldErrors)
  }
  if ((status === 403 || status === 404) && error.message) return failed(error.message)
  return failed(MESSAGES.failed)
}

/** When the API could not be reached at all. */
export function unreachableResult(
  submission: CommentSubmission,
  round: number,
): Omit<CommentFormState, 'formToken'> {
  return {
    round,
    outcome: 'error',
    message: MESSAGES.failed,
    fieldErrors: {},
    values: submission.values,
    commentId: null,
  }
}

/**
 * The token the form carries into the next attempt. After a post the form is empty again and
 * the clock restarts (`fresh`). After an error the reader's text is still there, typed since
 * the form was first shown: the original token stays, else a long comment corrected in a few
 * seconds would look faster than anyone types. No token before → none now.
 */
export function nextFormToken(
  state: Pick<CommentFormState, 'outcome'>,
  submission: CommentSubmission,
  fresh: () => string,
): string | null {
  return state.outcome === 'pending' || state.outcome === 'approved'
    ? fresh()
    : submission.formToken
}
