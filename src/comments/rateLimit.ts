import type { KVAdapter } from 'payload'

/**
 * Comment rate limit per client: two fixed windows (a minute and an hour), each starting with
 * the first comment after the previous window ran out. The counters live in `payload.kv`, so
 * every server instance on the same store shares them: by default Payload's database KV
 * adapter (the hidden `payload-kv` collection, one row per client), or Redis when the config
 * sets `kv: redisKVAdapter(...)` from `@payloadcms/kv-redis`.
 *
 * The KV interface has get and set but no atomic increment, so concurrent requests of one
 * client could read the same count. Within one process, requests for the same key are
 * serialised (`withKeyLock`), which loses nothing; across instances two requests that
 * interleave exactly can still both pass, letting a client exceed the limit by at most one
 * comment per additional instance and race. Refused requests write nothing.
 */

export type RateLimits = { perMinute: number; perHour: number }

/** `[window start (ms), count]` for the minute and the hour window. */
export type RateState = { m: [number, number]; h: [number, number] }

export type RateDecision = { allowed: true; next: RateState } | { allowed: false; retryAfterSeconds: number }

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS

export const rateLimitKey = (subjectHash: string) => `comments:rate:${subjectHash}`

const isWindow = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'number' && Number.isFinite(part))

const freshWindow = (window: [number, number] | undefined, length: number, now: number): [number, number] =>
  window && now >= window[0] && now < window[0] + length ? window : [now, 0]

/** Pure: counts one comment at `now`, or says how long to wait. A limit of 0 is no limit. */
export function applyHit(stored: unknown, limits: RateLimits, now: number): RateDecision {
  const state = stored as Partial<RateState> | null
  const minute = freshWindow(isWindow(state?.m) ? state.m : undefined, MINUTE_MS, now)
  const hour = freshWindow(isWindow(state?.h) ? state.h : undefined, HOUR_MS, now)
  let waitMs = 0
  if (limits.perMinute > 0 && minute[1] >= limits.perMinute) waitMs = Math.max(waitMs, minute[0] + MINUTE_MS - now)
  if (limits.perHour > 0 && hour[1] >= limits.perHour) waitMs = Math.max(waitMs, hour[0] + HOUR_MS - now)
  if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
  return { allowed: true, next: { m: [minute[0], minute[1] + 1], h: [hour[0], hour[1] + 1] } }
}

// Not a store: only the queue of requests currently waiting for the same key in this process.
const queues = new Map<string, Promise<unknown>>()

/** Runs `task` after every earlier task for the same key in this process has finished. */
export async function withKeyLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve()
  const run = previous.then(task, task)
  const settled = run.then(
    () => undefined,
    () => undefined,
  )
  queues.set(key, settled)
  try {
    return await run
  } finally {
    if (queues.get(key) === settled) queues.delete(key)
  }
}

/** Counts a comment of this client, or refuses it with the seconds to wait. */
export async function hitRateLimit(
  kv: Pick<KVAdapter, 'get' | 'set'>,
  subjectHash: string,
  limits: RateLimits,
  now: () => number = Date.now,
): Promise<RateDecision> {
  if (limits.perMinute <= 0 && limits.perHour <= 0) return { allowed: true, next: { m: [0, 0], h: [0, 0] } }
  const key = rateLimitKey(subjectHash)
  return withKeyLock(key, async () => {
    const decision = applyHit(await kv.get(key), limits, now())
    if (decision.allowed) await kv.set(key, decision.next)
    return decision
  })
}
