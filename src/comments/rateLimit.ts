import type { KVAdapter } from 'payload'

/**
 * Comment rate limit per client: two fixed windows (a minute and an hour), each starting with
 * the first comment after the previous window ran out. The counters live in `payload.kv`, so
 * every server instance on the same store shares them: by default Payload's database KV
 * adapter (the hidden `payload-kv` collection, one row per client), or Redis when the config
 * sets `kv: redisKVAdapter(...)` from `@payloadcms/kv-redis`.
 *
 * The KV interface has get and set but no atomic increment, so concurrent requests of one
 * client could read the same count. Within one process, requests for the same key are decided
 * in batches on one read and one write (see hitRateLimit), which loses nothing; across
 * instances two read-modify-writes that interleave exactly can overwrite each other, letting a
 * client exceed the limit by about one batch per additional instance. Refused requests write
 * nothing.
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

type Waiter = { resolve: (decision: RateDecision) => void; reject: (error: unknown) => void; limits: RateLimits }

// Not a store: only the requests of this process currently waiting for the same key.
const batches = new Map<string, Waiter[]>()

/**
 * Counts a comment of this client, or refuses it with the seconds to wait.
 *
 * Requests for the same key are handled in batches: while one read-modify-write is under way,
 * later requests wait, and the next round decides all of them on one read and one write, one
 * after another. So one busy client (or a benchmark from one address) costs one round trip per
 * batch instead of per request, and no increment is lost within the process.
 */
export function hitRateLimit(
  kv: Pick<KVAdapter, 'get' | 'set'>,
  subjectHash: string,
  limits: RateLimits,
  now: () => number = Date.now,
): Promise<RateDecision> {
  if (limits.perMinute <= 0 && limits.perHour <= 0) return Promise.resolve({ allowed: true, next: { m: [0, 0], h: [0, 0] } })
  const key = rateLimitKey(subjectHash)
  return new Promise<RateDecision>((resolve, reject) => {
    const queued = batches.get(key)
    if (queued) {
      queued.push({ resolve, reject, limits })
      return
    }
    batches.set(key, [{ resolve, reject, limits }])
    void drain(kv, key, now)
  })
}

async function drain(kv: Pick<KVAdapter, 'get' | 'set'>, key: string, now: () => number): Promise<void> {
  for (;;) {
    const waiters = batches.get(key)!.splice(0)
    if (!waiters.length) {
      batches.delete(key)
      return
    }
    try {
      let state: unknown = await kv.get(key)
      let changed = false
      const decisions = waiters.map((waiter) => {
        const decision = applyHit(state, waiter.limits, now())
        if (decision.allowed) {
          state = decision.next
          changed = true
        }
        return decision
      })
      if (changed) await kv.set(key, state as RateState)
      waiters.forEach((waiter, index) => waiter.resolve(decisions[index]))
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error)
    }
  }
}
