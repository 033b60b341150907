import { createHmac, timingSafeEqual } from 'node:crypto'

import type { TokenCheck } from './policy'

/**
 * The comment form carries a signed timestamp of when it was rendered (`formToken`), so the
 * server can tell a submission that came faster than a human types. Format:
 * `<render time in ms, base 36>.<HMAC-SHA256 of it, 32 hex characters>`. Pure: the caller
 * passes the clock and the secret.
 */

/** A token older than this counts as missing: no timing signal, no automatic approval. */
export const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000
/** Clocks of several server instances may disagree a little. */
export const FORM_TOKEN_CLOCK_SKEW_MS = 60 * 1000

const sign = (timestamp: string, secret: string) =>
  createHmac('sha256', secret).update(`comment-form:${timestamp}`).digest('hex').slice(0, 32)

export function createFormToken(now: number, secret: string): string {
  const timestamp = Math.floor(now).toString(36)
  return `${timestamp}.${sign(timestamp, secret)}`
}

export function verifyFormToken(
  token: unknown,
  now: number,
  secret: string,
  maxAgeMs = FORM_TOKEN_MAX_AGE_MS,
): TokenCheck {
  if (token === undefined || token === null || token === '') return { status: 'missing' }
  if (typeof token !== 'string' || token.length > 100) return { status: 'invalid' }
  const match = /^([0-9a-z]{1,12})\.([0-9a-f]{32})$/.exec(token.trim())
  if (!match) return { status: 'invalid' }
  const [, timestamp, signature] = match
  const expected = Buffer.from(sign(timestamp, secret), 'utf8')
  if (!timingSafeEqual(expected, Buffer.from(signature, 'utf8'))) return { status: 'invalid' }
  const renderedAt = parseInt(timestamp, 36)
  const elapsedMs = now - renderedAt
  if (elapsedMs < -FORM_TOKEN_CLOCK_SKEW_MS) return { status: 'invalid' }
  if (elapsedMs > maxAgeMs) return { status: 'expired' }
  return { status: 'valid', elapsedMs: Math.max(0, elapsedMs) }
}
