import { afterEach, describe, expect, it, vi } from 'vitest'

import {
  createCommentRateLimiter,
  HOUR_MS,
  MINUTE_MS,
  type RateDecision,
} from '@/comments/rateLimit'

/** The limiter on its in-memory store (no REDIS_URL); tests/int/comments-rate-limit-redis.test.ts covers Redis. */
const limits = { perMinute: 5, perHour: 30 }
const t0 = Date.parse('2026-05-01T10:00:00Z')

afterEach(() => {
  vi.useRealTimers()
})

const at = (time: number) => vi.useFakeTimers({ toFake: ['Date'], now: time })

async function hits(
  limiter = createCommentRateLimiter(),
  count: number,
  client = 'abc123',
  max = limits,
) {
  const results: RateDecision[] = []
  for (let i = 0; i < count; i++) results.push(await limiter.hit(client, max))
  return results
}

describe('comment rate limiter (memory)', () => {
  it('allows five a minute, then says how long to wait', async () => {
    at(t0)
    const limiter = createCommentRateLimiter()
    const results = await hits(limiter, 5)
    expect(results.every((result) => result.allowed)).toBe(true)
    at(t0 + 5_000)
    expect(await limiter.hit('abc123', limits)).toEqual({ allowed: false, retryAfterSeconds: 55 })
    // Another client is not affected.
    expect((await limiter.hit('other', limits)).allowed).toBe(true)
  })

  it('opens again when the minute window has passed', async () => {
    at(t0)
    const limiter = createCommentRateLimiter()
    await hits(limiter, 5)
    at(t0 + MINUTE_MS - 1)
    expect((await limiter.hit('abc123', limits)).allowed).toBe(false)
    at(t0 + MINUTE_MS)
    expect((await limiter.hit('abc123', limits)).allowed).toBe(true)
  })

  it('caps the hour, and a refused comment does not count', async () => {
    at(t0)
    const limiter = createCommentRateLimiter()
    // Five per minute for six minutes fills the hour; each minute one more is refused.
    for (let minute = 0; minute < 6; minute++) {
      at(t0 + minute * MINUTE_MS)
      const results = await hits(limiter, 6)
      expect(
        results.filter((result) => result.allowed),
        `minute ${minute}`,
      ).toHaveLength(5)
    }
    at(t0 + 10 * MINUTE_MS)
    expect(await limiter.hit('abc123', limits)).toEqual({
      allowed: false,
      retryAfterSeconds: (HOUR_MS - 10 * MINUTE_MS) / 1000,
    })
    // The refusal by the hour gave its minute count back: the next hour starts fresh.
    at(t0 + HOUR_MS)
    expect((await hits(limiter, 6)).filter((result) => result.allowed)).toHaveLength(5)
  })

  it('tells the longer wait when both windows are full', async () => {
    at(t0)
    const limiter = createCommentRateLimiter()
    await hits(limiter, 3, 'x', { perMinute: 3, perHour: 3 })
    expect(await limiter.hit('x', { perMinute: 3, perHour: 3 })).toEqual({
      allowed: false,
      retryAfterSeconds: 3600,
    })
  })

  it('treats 0 as no limit for its window', async () => {
    at(t0)
    const limiter = createCommentRateLimiter()
    expect(
      (await hits(limiter, 100, 'a', { perMinute: 0, perHour: 0 })).every(
        (result) => result.allowed,
      ),
    ).toBe(true)
    expect(
      (await hits(limiter, 100, 'b', { perMinute: 0, perHour: 7 })).filter(
        (result) => result.allowed,
      ),
    ).toHaveLength(7)
    expect(
      (await hits(limiter, 100, 'c', { perMinute: 4, perHour: 0 })).filter(
        (result) => result.allowed,
      ),
    ).toHaveLength(4)
  })

  it('follows a limit raised within the window (the counts are accepted comments only)', async () => {
    at(t0)
    const limiter = createCommentRateLimiter()
    expect(
      (await hits(limiter, 10, 'r', { perMinute: 2, perHour: 0 })).filter(
        (result) => result.allowed,
      ),
    ).toHaveLength(2)
    expect(
      (await hits(limiter, 10, 'r', { perMinute: 5, perHour: 0 })).filter(
        (result) => result.allowed,
      ),
    ).toHaveLength(3)
  })

  it('is exact for concurrent comments of one client and keeps clients apart', async () => {
    at(t0)
    const limiter = createCommentRateLimiter()
    const clients = Array.from({ length: 60 }, (_, i) => (i % 2 ? 'a' : 'b'))
    const outcomes = await Promise.all(clients.map((client) => limiter.hit(client, limits)))
    expect(outcomes.filter((outcome, i) => outcome.allowed && clients[i] === 'a')).toHaveLength(5)
    expect(outcomes.filter((outcome, i) => outcome.allowed && clients[i] === 'b')).toHaveLength(5)
  })
})
