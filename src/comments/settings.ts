import type { Payload, PayloadRequest } from 'payload'

import { normalizeSettings, type CommentSettingsValues } from './policy'

export const COMMENT_SETTINGS_SLUG = 'comment-settings'

/**
 * Every comment post reads the settings, so they are kept per server instance for a few
 * seconds. A save in this instance clears them at once (the global's afterChange hook);
 * other instances pick the change up within `SETTINGS_TTL_MS`.
 */
const SETTINGS_TTL_MS = 10_000

type Cached = { value: CommentSettingsValues; expires: number }
const cache = new WeakMap<Payload, Cached | Promise<CommentSettingsValues>>()

let benchNoticeShown = false

/**
 * `BENCH_COMMENT_RATE_LIMIT=<per minute>,<per hour>` replaces the configured limits, for load
 * tests only (a benchmark posts far more than any reader). Logged loudly whenever it is set.
 */
function benchRateLimitOverride(
  env: Record<string, string | undefined> = process.env,
): Pick<CommentSettingsValues, 'rateLimitPerMinute' | 'rateLimitPerHour'> | null {
  const spec = env.BENCH_COMMENT_RATE_LIMIT?.trim()
  if (!spec) return null
  const [perMinute, perHour] = spec.split(',').map((part) => Number(part.trim()))
  if (!Number.isInteger(perMinute) || perMinute < 0) return null
  return {
    rateLimitPerMinute: perMinute,
    rateLimitPerHour: Number.isInteger(perHour) && perHour >= 0 ? perHour : perMinute * 60,
  }
}

async function read(
  payload: Payload,
  req: PayloadRequest | undefined,
): Promise<CommentSettingsValues> {
  const doc = await payload.findGlobal({
    slug: COMMENT_SETTINGS_SLUG,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const value = normalizeSettings(doc as unknown as Record<string, unknown>)
  const bench = benchRateLimitOverride()
  if (bench) {
    if (!benchNoticeShown) {
      benchNoticeShown = true
      payload.logger.warn(
        `BENCH_COMMENT_RATE_LIMIT is set: comment rate limit ${bench.rateLimitPerMinute}/min, ${bench.rateLimitPerHour}/h. Never use this in production.`,
      )
    }
    Object.assign(value, bench)
  }
  return value
}

/**
 * Hooks pass their `req`: the read then runs on the request's own database connection (inside
 * its transaction). A read without it would need a second connection while the transaction
 * holds one, and as many concurrent comment posts as the PostgreSQL pool has connections would
 * then wait for each other forever.
 */
export async function loadCommentSettings(
  payload: Payload,
  req?: PayloadRequest,
  now = Date.now(),
): Promise<CommentSettingsValues> {
  const cached = cache.get(payload)
  if (cached instanceof Promise) return cached
  if (cached && cached.expires > now) return cached.value
  const loading = read(payload, req)
  cache.set(payload, loading)
  try {
    const value = await loading
    cache.set(payload, { value, expires: Date.now() + SETTINGS_TTL_MS })
    return value
  } catch (error) {
    cache.delete(payload)
    throw error
  }
}

export function forgetCommentSettings(payload: Payload): void {
  cache.delete(payload)
}
