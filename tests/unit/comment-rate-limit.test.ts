import { InMemoryKVAdapter } from 'payload'
import { describe, expect, it } from 'vitest'

import { applyHit, hitRateLimit, HOUR_MS, MINUTE_MS, rateLimitKey, type RateState } from '@/comments/rateLimit'

const limits = { perMinute: 5, perHour: 30 }
const t0 = Date.parse('2026-05-01T10:00:00Z')

function hits(count: number, at: (i: number) => number, state: unknown = null) {
  let current = state
  const results = []
  for (let i = 0; i < count; i++) {
    const decision = applyHit(current, limits, at(i))
    results.push(decision)
    if (decision.allowed) current = decision.next
  }
  return { results, state: current as RateState }
}

describe('applyHit', () => {
  it('allows five a minute, then says how long to wait', () => {
    const { results, state } = hits(6, (i) => t0 + i * 1000)
    expect(results.slice(0, 5).every((result) => result.allowed)).toBe(true)
    expect(results[5]).toEqual({ allowed: false, retryAfterSeconds: 55 })
    expect(state.m).toEqual([t0, 5])
  })

  it('opens again when the minute window has passed', () => {
    const { state } = hits(5, () => t0)
    expect(applyHit(state, limits, t0 + MINUTE_MS - 1).allowed).toBe(false)
    const next = applyHit(state, limits, t0 + MINUTE_MS)
    expect(next.allowed).toBe(true)
    if (next.allowed) expect(next.next).toEqual({ m: [t0 + MINUTE_MS, 1], h: [t0, 6] })
  })

  it('caps the hour at 30', () => {
    // Five per minute for six minutes fills the hour.
    const { state } = hits(30, (i) => t0 + Math.floor(i / 5) * MINUTE_MS)
    expect(state.h).toEqual([t0, 30])
    const refused = applyHit(state, limits, t0 + 10 * MINUTE_MS)
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: (HOUR_MS - 10 * MINUTE_MS) / 1000 })
    expect(applyHit(state, limits, t0 + HOUR_MS).allowed).toBe(true)
  })

  it('treats 0 as no limit and ignores corrupt stored values', () => {
    const { results } = hits(100, () => t0, null)
    expect(results.filter((result) => result.allowed)).toHaveLength(5)
    for (let i = 0; i < 50; i++) expect(applyHit({ m: [t0, 1000], h: [t0, 1000] }, { perMinute: 0, perHour: 0 }, t0).allowed).toBe(true)
    for (const corrupt of ['x', { m: 'a', h: [1] }, { m: [NaN, 1] }, 42]) {
      const decision = applyHit(corrupt, limits, t0)
      expect(decision).toEqual({ allowed: true, next: { m: [t0, 1], h: [t0, 1] } })
    }
  })

  it('restarts a window stored in the future (clock moved back)', () => {
    expect(applyHit({ m: [t0 + 10_000, 5], h: [t0 + 10_000, 5] }, limits, t0)).toEqual({ allowed: true, next: { m: [t0, 1], h: [t0, 1] } })
  })
})

describe('hitRateLimit on a KV store', () => {
  it('counts in the store under a key made from the hash only', async () => {
    const kv = new InMemoryKVAdapter()
    let now = t0
    for (let i = 0; i < 5; i++) expect((await hitRateLimit(kv, 'abc123', limits, () => now)).allowed).toBe(true)
    expect(await kv.keys()).toEqual([rateLimitKey('abc123')])
    expect(await hitRateLimit(kv, 'abc123', limits, () => now)).toEqual({ allowed: false, retryAfterSeconds: 60 })
    expect((await hitRateLimit(kv, 'other', limits, () => now)).allowed).toBe(true)
    now += MINUTE_MS
    expect((await hitRateLimit(kv, 'abc123', limits, () => now)).allowed).toBe(true)
  })

  it('loses no increment when one client posts concurrently (slow store)', async () => {
    const store = new InMemoryKVAdapter()
    const slow = {
      get: async <T extends object>(key: string) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5))
        return store.get<T>(key)
      },
      set: async (key: string, value: object) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5))
        return store.set(key, value)
      },
    }
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(slow, 'burst', limits, () => t0)))
    expect(results.filter((result) => result.allowed)).toHaveLength(5)
    expect(await store.get(rateLimitKey('burst'))).toEqual({ m: [t0, 5], h: [t0, 5] })
  })

  it('keeps counting after a failing store call', async () => {
    const store = new InMemoryKVAdapter()
    let fail = true
    const flaky = {
      get: <T extends object>(key: string) => store.get<T>(key),
      set: async (key: string, value: object) => {
        if (fail) {
          fail = false
          throw new Error('db busy')
        }
        return store.set(key, value)
      },
    }
    await expect(hitRateLimit(flaky, 'k', limits, () => t0)).rejects.toThrow('db busy')
    expect((await hitRateLimit(flaky, 'k', limits, () => t0)).allowed).toBe(true)
  })
})

describe('batching', () => {
  it('decides a burst of one client on few store round trips, exactly', async () => {
    const store = new InMemoryKVAdapter()
    let gets = 0
    let sets = 0
    const slow = {
      get: async <T extends object>(key: string) => {
        gets++
        await new Promise((resolve) => setTimeout(resolve, 5))
        return store.get<T>(key)
      },
      set: async (key: string, value: object) => {
        sets++
        await new Promise((resolve) => setTimeout(resolve, 5))
        return store.set(key, value)
      },
    }
    const wide = { perMinute: 1000, perHour: 0 }
    const results = await Promise.all(Array.from({ length: 100 }, () => hitRateLimit(slow, 'busy', wide, () => t0)))
    expect(results.every((result) => result.allowed)).toBe(true)
    expect(await store.get(rateLimitKey('busy'))).toEqual({ m: [t0, 100], h: [t0, 100] })
    expect(gets).toBeLessThanOrEqual(3)
    expect(sets).toBe(gets)
  })

  it('keeps clients apart', async () => {
    const kv = new InMemoryKVAdapter()
    const outcomes = await Promise.all(
      ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'].map((client) => hitRateLimit(kv, client, limits, () => t0)),
    )
    expect(outcomes.filter((outcome) => outcome.allowed)).toHaveLength(10)
    expect(await kv.get(rateLimitKey('a'))).toEqual({ m: [t0, 5], h: [t0, 5] })
  })
})
