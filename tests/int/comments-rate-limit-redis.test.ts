import { randomUUID } from 'node:crypto'

import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createCommentRateLimiter, type CommentRateLimiter } from '@/comments/rateLimit'

/**
 * With REDIS_URL the comment rate limit is shared by every app instance. Two limiters with
 * their own Redis connections stand for two instances; a client's concurrent comments spread
 * over both pass exactly up to the limit. Needs the Redis server at TEST_REDIS_URL
 * (default 127.0.0.1:6379, as on CI); every run uses its own key prefix and deletes its keys.
 */
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379'
const prefix = `newsroom-test:${randomUUID()}`
const connections: Redis[] = []
let instances: CommentRateLimiter[]

beforeAll(() => {
  connections.push(new Redis(REDIS_URL), new Redis(REDIS_URL), new Redis(REDIS_URL))
  instances = connections
    .slice(0, 2)
    .map((redis) => createCommentRateLimiter({ redis, keyPrefix: prefix }))
})
afterAll(async () => {
  const admin = connections[2]
  const keys = await admin.keys(`${prefix}:*`)
  if (keys.length) await admin.del(...keys)
  await Promise.all(connections.map((redis) => redis.quit()))
})

async function burst(
  count: number,
  client: string,
  limits: { perMinute: number; perHour: number },
) {
  const outcomes = await Promise.all(
    Array.from({ length: count }, (_, i) => instances[i % 2].hit(client, limits)),
  )
  return outcomes.filter((outcome) => outcome.allowed).length
}

describe('comment rate limit on Redis, two instances', () => {
  it('accepts exactly the per-minute limit of 40 concurrent comments from one client', async () => {
    expect(await burst(40, 'client-a', { perMinute: 7, perHour: 100 })).toBe(7)
  })

  it('accepts exactly the per-hour limit, and refusals do not count', async () => {
    expect(await burst(30, 'client-b', { perMinute: 0, perHour: 11 })).toBe(11)
    // Raising the limit lets exactly the difference through: the 19 refusals were not counted.
    expect(await burst(30, 'client-b', { perMinute: 0, perHour: 15 })).toBe(4)
  })

  it('keeps clients apart and stores counters only under the prefix, with an expiry', async () => {
    expect(await burst(10, 'client-c', { perMinute: 3, perHour: 0 })).toBe(3)
    expect(await burst(10, 'client-d', { perMinute: 3, perHour: 0 })).toBe(3)
    const admin = connections[2]
    const keys = await admin.keys(`${prefix}:*`)
    expect(keys).toContain(`${prefix}:m:client-c`)
    for (const key of keys) {
      const ttl = await admin.ttl(key)
      expect(ttl, key).toBeGreaterThan(0)
      expect(ttl, key).toBeLessThanOrEqual(3600)
    }
  })

  it('tells the refused client how long to wait', async () => {
    await burst(2, 'client-e', { perMinute: 2, perHour: 0 })
    const refused = await instances[1].hit('client-e', { perMinute: 2, perHour: 0 })
    expect(refused.allowed).toBe(false)
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59)
  })
})
