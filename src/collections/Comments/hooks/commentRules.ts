import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import { isStaffUser } from '@/access/roles'
import { verifyFormToken } from '@/comments/formToken'
import {
  COMMENT_MAX_DEPTH,
  commentingState,
  decideStatus,
  isHoneypotFilled,
  mayAutoApprove,
  replyDepth,
  spamSignals,
  validateSubmission,
  type FieldError,
} from '@/comments/policy'
import { commentRateLimiter } from '@/comments/rateLimit'
import { formTokenSecret, hashClientIp, ipHashSecret } from '@/comments/secrets'
import { loadCommentSettings } from '@/comments/settings'
import { rateLimitSubject, requestClientIp } from '@/lib/http/clientAddress'
import { relationId } from '@/lib/relationId'
import { Refusal } from '@/lib/refusal'

/**
 * One set of rules for every new comment, whichever way it arrives (REST, GraphQL, Local API
 * with `overrideAccess: false`, the site's form through GraphQL):
 *
 * - readers (anyone who is not an editor or admin) go through all of it: honeypot, field
 *   checks, rate limit, article open for comments, parent approved and of the same article,
 *   nesting, spam signals; the server decides the status;
 * - editors and admins skip the reader rules but not the structure (article exists, parent of
 *   the same article, nesting); their comments are approved unless they say otherwise;
 * - trusted server code (`overrideAccess: true`: seed, scripts) keeps what it sends, structure
 *   checked.
 *
 * `beforeOperation` runs first, with the raw input and `overrideAccess`; the values it decides
 * are written in `beforeChange`, after Payload's field access has dropped what the client may
 * not set. The decision travels in `req.context.commentDecision` (Payload's channel between the
 * hooks of one request), bound to the data object both hooks see: a decision is applied only to
 * the create it was made for. One create at a time per request: Payload runs the mutations of
 * one GraphQL request one after another; code that runs creates in parallel on a shared `req`
 * gets a 500 for the one whose decision was replaced, never a comment with another's values.
 */

type Actor = 'system' | 'staff' | 'reader'

/** What checkNewComment decided about one new comment, for applyCommentDecision to write. */
export type CommentDecision = {
  /** The data object of the create the decision belongs to. */
  data: object
  /** The values the server sets on the comment. */
  set: Record<string, unknown>
}

declare module 'payload' {
  interface RequestContext {
    /** Set by checkNewComment (beforeOperation), taken by applyCommentDecision (beforeChange). */
    commentDecision?: CommentDecision
  }
}

/** Read by the rules, never stored. */
const ANTI_ABUSE_FIELDS = ['website', 'formToken'] as const
/** Decided by the server alone (field access keeps API clients away from them as well). */
const SERVER_FIELDS = ['ipHash', 'signals', 'level', 'byStaff'] as const

const badRequest = (errors: FieldError[]) =>
  new Refusal(errors.map((error) => error.message).join(' '), 400, { errors })

const fieldError = (path: string, message: string) => badRequest([{ path, message }])

function setResponseHeader(req: PayloadRequest, name: string, value: string) {
  req.responseHeaders ??= new Headers()
  req.responseHeaders.set(name, value)
}

const waitText = (seconds: number) =>
  seconds < 90 ? `${seconds} Sekunden` : `${Math.ceil(seconds / 60)} Minuten`

type ArticleFacts = {
  id: string
  _status?: string | null
  commentsEnabled?: boolean | null
  publishedAt?: string | null
}
type ParentFacts = { id: string; article?: unknown; status?: string | null; level?: number | null }

// Straight to the database adapter (the same call on SQLite and MongoDB): the rules need three
// columns, not Payload's read pipeline (access, hooks, population), which costs more than the query.
async function findArticle(
  req: PayloadRequest,
  id: string | undefined,
): Promise<ArticleFacts | null> {
  if (!id) return null
  const doc = await req.payload.db
    .findOne({
      collection: 'articles',
      where: { id: { equals: id } },
      select: { _status: true, commentsEnabled: true, publishedAt: true },
      req,
    })
    .catch(() => null)
  return (doc as ArticleFacts | null) ?? null
}

async function findParent(req: PayloadRequest, id: string): Promise<ParentFacts | null> {
  const doc = await req.payload.db
    .findOne({
      collection: 'comments',
      where: { id: { equals: id } },
      select: { article: true, status: true, level: true },
      req,
    })
    .catch(() => null)
  return (doc as ParentFacts | null) ?? null
}

/** Article exists, parent belongs to it, nesting not deeper than allowed. Returns the level. */
async function checkStructure(
  req: PayloadRequest,
  articleId: string | undefined,
  parentId: string | undefined,
  { readerRules, article }: { readerRules: boolean; article?: ArticleFacts | null },
): Promise<number> {
  if (!articleId)
    throw fieldError('article', 'Bitte den Artikel angeben, zu dem der Kommentar gehört.')
  if (article === undefined && !(await findArticle(req, articleId))) {
    throw new Refusal('Diesen Artikel gibt es nicht.', 404, {
      errors: [{ path: 'article', message: 'Diesen Artikel gibt es nicht.' }],
    })
  }
  if (!parentId) return 1
  const parent = await findParent(req, parentId)
  if (!parent || relationId(parent.article) !== articleId) {
    throw fieldError(
      'parent',
      'Die Antwort muss zum selben Artikel gehören wie der beantwortete Kommentar.',
    )
  }
  if (readerRules && parent.status !== 'approved') {
    throw fieldError(
      'parent',
      'Auf diesen Kommentar kann nicht geantwortet werden, er ist nicht freigegeben.',
    )
  }
  const level = replyDepth(parent.level)
  if (level > COMMENT_MAX_DEPTH) {
    throw fieldError(
      'parent',
      `Antworten sind nur bis zur ${COMMENT_MAX_DEPTH}. Ebene möglich; bitte auf einen höheren Kommentar antworten.`,
    )
  }
  return level
}

type Decided = { data: Record<string, unknown>; set: Record<string, unknown> }

async function readerDecision(
  req: PayloadRequest,
  input: Record<string, unknown>,
): Promise<Decided> {
  const { payload } = req
  if (isHoneypotFilled(input.website)) {
    throw fieldError('website', 'Das Feld „Website“ muss leer bleiben.')
  }
  const checked = validateSubmission(input)
  if (!checked.ok) throw badRequest(checked.errors)
  const submission = checked.value
  const articleId = relationId(input.article)
  if (!articleId)
    throw fieldError('article', 'Bitte den Artikel angeben, zu dem der Kommentar gehört.')

  const settings = await loadCommentSettings(payload, req)
  const subject = rateLimitSubject(requestClientIp(req.headers))
  const ipHash = hashClientIp(subject, ipHashSecret())
  const limit = await commentRateLimiter().hit(ipHash, {
    perMinute: settings.rateLimitPerMinute,
    perHour: settings.rateLimitPerHour,
  })
  if (!limit.allowed) {
    setResponseHeader(req, 'Retry-After', String(limit.retryAfterSeconds))
    throw new Refusal(
      `Zu viele Kommentare in kurzer Zeit. Bitte in ${waitText(limit.retryAfterSeconds)} erneut versuchen.`,
      429,
      { retryAfter: limit.retryAfterSeconds },
    )
  }

  const now = Date.now()
  const article = await findArticle(req, articleId)
  const state = commentingState(article, settings.closeAfterDays, now)
  if (!state.open) {
    const missing = state.reason === 'missing' || state.reason === 'unpublished'
    const message = missing
      ? 'Diesen Artikel gibt es nicht.'
      : 'Die Kommentare zu diesem Artikel sind geschlossen.'
    throw new Refusal(message, missing ? 404 : 403, { errors: [{ path: 'article', message }] })
  }
  const parentId = relationId(input.parent)
  const level = await checkStructure(req, articleId, parentId, { readerRules: true, article })

  const token = verifyFormToken(input.formToken, now, formTokenSecret())
  const signals = spamSignals({ submission, settings, token })
  // Only asked when it can change the outcome (form token valid, no spam signal, auto-approval on).
  const knownCommenter =
    mayAutoApprove({ signals, settings, token }) &&
    (await payload.db
      .findOne({
        collection: 'comments',
        where: {
          and: [
            { authorEmail: { equals: submission.authorEmail } },
            { status: { equals: 'approved' } },
          ],
        },
        select: { id: true },
        req,
      })
      .then(Boolean, () => false))
  const status = decideStatus({ signals, settings, token, knownCommenter })

  // Only these reach Payload: article, parent, authorName, authorEmail, body. Anything else a
  // reader sends (status, ipHash, id, createdAt …) is dropped here.
  const data: Record<string, unknown> = {
    ...submission,
    article: articleId,
    parent: parentId ?? null,
  }
  return {
    data,
    set: {
      ...submission,
      status,
      ipHash,
      level,
      byStaff: false,
      signals: signals.length ? signals.join(', ') : null,
    },
  }
}

/** Decides everything about a new comment before Payload looks at it. */
export const checkNewComment: CollectionBeforeOperationHook = async ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation !== 'create') return args
  const input = { ...((args.data ?? {}) as Record<string, unknown>) }
  const actor: Actor =
    overrideAccess === true ? 'system' : isStaffUser(req.user) ? 'staff' : 'reader'

  let data: Record<string, unknown>
  let set: Record<string, unknown>
  if (actor === 'reader') {
    ;({ data, set } = await readerDecision(req, input))
  } else {
    data = input
    for (const field of ANTI_ABUSE_FIELDS) delete data[field]
    if (actor === 'staff') for (const field of SERVER_FIELDS) delete data[field]
    const level = await checkStructure(req, relationId(data.article), relationId(data.parent), {
      readerRules: false,
    })
    set = actor === 'staff' ? { level, byStaff: true } : { level }
  }
  req.context.commentDecision = { data, set }
  // A reader's REST post is answered with the comment itself, relations as IDs, unless the
  // client asks for a depth: populating the article costs a sixth of a post and the form
  // already knows which article it posted on.
  if (actor === 'reader' && req.payloadAPI === 'REST' && req.query?.depth === undefined)
    return { ...args, data, depth: 0 }
  return { ...args, data }
}

/** Writes the decided values, after field access has removed what the client may not set. */
export const applyCommentDecision: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation === 'create') {
    const decision = req.context.commentDecision
    // Fail closed: a create that did not pass checkNewComment is never stored.
    if (!decision || decision.data !== data)
      throw new APIError('Der Kommentar konnte nicht geprüft werden.', 500)
    delete req.context.commentDecision
    Object.assign(data, decision.set)
    for (const field of ANTI_ABUSE_FIELDS) delete data[field]
    return data
  }
  // A comment stays where it was posted: its article and parent never change.
  if (originalDoc) {
    if ('article' in data) data.article = relationId(originalDoc.article) ?? null
    if ('parent' in data) data.parent = relationId(originalDoc.parent) ?? null
  }
  for (const field of ANTI_ABUSE_FIELDS) delete data[field]
  return data
}
