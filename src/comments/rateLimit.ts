import type { Redis } from 'ioredis'
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible'

import { redisKeyPrefix, sharedRedis } from '@/lib/redis'

/**
 * Comment rate limit per client: two fixed windows (a minute and an hour), each starting with
 * the first comment after the previous window ran out.
 *
 * The counters are atomic increments (rate-limiter-flexible): in Redis when `REDIS_URL` is set,
 * so every instance shares them and N concurrent comments of one client pass exactly up to the
 * limit whichever instances they reach; without Redis in this process's memory (one instance,
 * or per instance when several run without Redis). Never in the database: a counter read or
 * written from inside the comment's transaction would need a second connection per post, and
 * with as many concurrent posts as the pool has connections they would wait on each other
 * forever (seen on PostgreSQL).
 *
 * The limits are read per request (the comment settings can change), so the stores only count;
 * this module decides. A refused comment gives its counts back, so only accepted comments
 * count. A limit of 0 switches its window off.
 */

export type RateLimits = { perMinute: number; perHour: number }

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS

/** The stores count without a limit of their own: the limit is applied here. */
const COUNT_ONLY = Number.MAX_SAFE_INTEGER

export type CommentRateLimiter = {
  hit: (subjectHash: string, limits: RateLimits) => Promise<RateDecision>
}

export type RateLimiterOptions = {
  /** Shared counters in this Redis; without it, counters in this process's memory. */
  redis?: Redis
  /** Key prefix in Redis (the windows add `:m:` / `:h:` and the client's hash). */
  keyPrefix?: string
}

export function createCommentRateLimiter({
  redis,
  keyPrefix = 'comments:rate',
}: RateLimiterOptions = {}): CommentRateLimiter {
  const counter = (name: string, duration: number): RateLimiterAbstract => {
    const options = { keyPrefix: `${keyPrefix}:${name}`, points: COUNT_ONLY, duration }
    if (!redis) return new RateLimiterMemory(options)
    // While Redis is unreachable, this instance counts in memory instead of refusing comments.
    return new RateLimiterRedis({
      ...options,
      storeClient: redis,
      insuranceLimiter: new RateLimiterMemory(options),
    })
  }
  const windows = [
    { counter: counter('m', MINUTE_MS / 1000), limit: (limits: RateLimits) => limits.perMinute },
    { counter: counter('h', HOUR_MS / 1000), limit: (limits: RateLimits) => limits.perHour },
  ]

  return {
    async hit(subjectHash, limits) {
      const active = windows
        .map((window) => ({ counter: window.counter, limit: window.limit(limits) }))
        .filter((window) => window.limit > 0)
      if (!active.length) return { allowed: true }
      const counted = await Promise.all(active.map((window) => window.counter.consume(subjectHash)))
      let waitMs = 0
      let refused = false
      counted.forEach((result, index) => {
        if (result.consumedPoints <= active[index].limit) return
        refused = true
        waitMs = Math.max(waitMs, result.msBeforeNext)
      })
      if (!refused) return { allowed: true }
      await Promise.all(active.map((window) => window.counter.reward(subjectHash, 1)))
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
    },
  }
}

let shared: CommentRateLimiter | undefined

/** This process's limiter: on `REDIS_URL` when set (shared by every instance), else in memory. */
export function commentRateLimiter(
  env: Record<string, string | undefined> = process.env,
): CommentRateLimiter {
  // The process's command connection: while Redis is down, a post falls back to memory within
  // a second (src/lib/redis.ts) instead of waiting for reconnects.
  shared ??= createCommentRateLimiter({
    redis: sharedRedis() ?? undefined,
    keyPrefix: `${redisKeyPrefix(env)}comments:rate`,
  })
  return shared
}
