import { createHmac } from 'node:crypto'

import { derivedSecret } from '@/lib/secret'

import { createFormToken } from './formToken'

/**
 * The comment secrets (derived from `PAYLOAD_SECRET`) and what is made with them, for the
 * collection hooks and for the site's comment form (server side only).
 *
 * The site's form renders `commentFormToken()` into a hidden `formToken` input, keeps an empty
 * honeypot input `website`, and its server action forwards the reader's address —
 * `requestClientIp(await headers())` (src/lib/http/clientAddress.ts) — as `X-Forwarded-For`
 * when it calls GraphQL `createComment`.
 */

export const formTokenSecret = () => derivedSecret('comment-form')
export const ipHashSecret = () => derivedSecret('comment-ip')

/** The value of the comment form's hidden `formToken` field, made when the form is rendered. */
export const commentFormToken = (now = Date.now()) => createFormToken(now, formTokenSecret())

/**
 * A keyed hash (HMAC-SHA256) of the client (its `rateLimitSubject`): comparable between
 * comments, useless without the secret.
 */
export function hashClientIp(subject: string, secret: string): string {
  return createHmac('sha256', secret).update(`comment-ip:${subject}`).digest('hex').slice(0, 32)
}
