import { randomUUID } from 'node:crypto'

import { RedisKVAdapter } from '@payloadcms/kv-redis'
import { Redis } from 'ioredis'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { hashClientIp, ipHashSecret } from '@/comments/secrets'
import { articleData } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'
import { nextIp, postComment, setCommentSettings } from './comments-helpers'

/**
 * With REDIS_URL the app keeps what its instances share in Redis: `payload.kv` and the comment
 * rate limit. Redis at TEST_REDIS_URL (default 127.0.0.1:6379, as on CI); the keys of this run
 * carry their own prefix (REDIS_KEY_PREFIX) and are deleted afterwards.
 */
// Before any import: the config reads the environment when it is imported.
const { REDIS_URL, prefix } = vi.hoisted(() => {
  const env = {
    REDIS_URL: process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379',
    prefix: `newsroom-test:${crypto.randomUUID()}:`,
  }
  process.env.REDIS_URL = env.REDIS_URL
  process.env.REDIS_KEY_PREFIX = env.prefix
  return env
})
const admin = new Redis(REDIS_URL)
let ctx: TestPayload
let payload: Payload

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
})
afterAll(async () => {
  await (payload?.kv as RedisKVAdapter | undefined)?.redisClient?.quit()
  await ctx?.close()
  const keys = await admin.keys(`${prefix}*`)
  if (keys.length) await admin.del(...keys)
  await admin.quit()
})

describe('REDIS_URL', () => {
  it('puts payload.kv in Redis under the prefix', async () => {
    expect(payload.kv).toBeInstanceOf(RedisKVAdapter)
    await payload.kv.set('probe', { value: 42 })
    expect(JSON.parse((await admin.get(`${prefix}kv:probe`))!)).toEqual({ value: 42 })
    expect(await payload.kv.get('probe')).toEqual({ value: 42 })
  })

  it('keeps the schema: the database store’s collection stays configured', () => {
    expect(payload.collections['payload-kv']).toBeDefined()
  })

  it('counts comments per client in Redis, and refuses the one over the limit', async () => {
    await setCommentSettings(payload, { rateLimitPerMinute: 2, rateLimitPerHour: 0 })
    const article = (
      await payload.create({
        collection: 'articles',
        data: articleData({ _status: 'published' }),
        overrideAccess: true,
        depth: 0,
      })
    ).id
    const peer = nextIp()
    const comment = () => ({
      article,
      authorName: 'Lea',
      authorEmail: `lea-${randomUUID()}@example.com`,
      body: `Kommentar ${randomUUID()}`,
    })
    const statuses = []
    for (let i = 0; i < 3; i++)
      statuses.push((await postComment(payload, 'rest', comment(), { peer })).status)
    expect(statuses).toEqual([201, 201, 429])
    const key = `${prefix}comments:rate:m:${hashClientIp(peer, ipHashSecret())}`
    expect(await admin.get(key)).toBe('2')
  })
})
