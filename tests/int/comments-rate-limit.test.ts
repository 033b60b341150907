import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { hashClientIp, ipHashSecret } from '@/comments/secrets'
import { articleData } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'
import {
  countComments,
  nextIp,
  POST_CHANNELS,
  postComment,
  setCommentSettings,
  type PostOptions,
} from './comments-helpers'

/**
 * The comment rate limit per client IP: 429 with Retry-After. Counted in this process's memory
 * here (no REDIS_URL); comments-rate-limit-redis.test.ts covers the shared Redis counters.
 */
let ctx: TestPayload
let payload: Payload
let article: string

const uid = () => randomUUID().slice(0, 8)
const comment = () => ({
  article,
  authorName: 'Lea',
  authorEmail: `lea-${uid()}@example.com`,
  body: `Kommentar ${uid()}`,
})

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  article = (
    await payload.create({
      collection: 'articles',
      data: articleData({ _status: 'published' }),
      overrideAccess: true,
      depth: 0,
    })
  ).id
})
afterAll(async () => ctx?.close())
beforeEach(async () => {
  await setCommentSettings(payload, { rateLimitPerMinute: 5, rateLimitPerHour: 30 })
})
afterEach(() => {
  vi.useRealTimers()
})

async function postTimes(
  times: number,
  options: PostOptions,
  channel: (typeof POST_CHANNELS)[number] = 'rest',
) {
  const outcomes = []
  for (let i = 0; i < times; i++)
    outcomes.push(await postComment(payload, channel, comment(), options))
  return outcomes
}

describe.each(POST_CHANNELS)('via %s', (channel) => {
  it('five comments a minute pass, the sixth gets 429 with Retry-After and stores nothing', async () => {
    const peer = nextIp()
    const accepted = await postTimes(5, { peer }, channel)
    expect(accepted.map((outcome) => outcome.ok)).toEqual([true, true, true, true, true])
    const before = await countComments(payload)
    const refused = await postComment(payload, channel, comment(), { peer })
    expect(refused.ok).toBe(false)
    expect(refused.status).toBe(429)
    expect(refused.message).toMatch(/Zu viele Kommentare.*Sekunden/)
    expect(refused.data.retryAfter).toBeGreaterThanOrEqual(1)
    expect(refused.data.retryAfter).toBeLessThanOrEqual(60)
    if (channel !== 'local')
      expect(Number(refused.headers!.get('retry-after'))).toBe(refused.data.retryAfter)
    expect(await countComments(payload)).toBe(before)
    // Another reader is not affected.
    expect((await postComment(payload, channel, comment(), { peer: nextIp() })).ok).toBe(true)
  })
})

describe('the client address', () => {
  it('cannot be changed by sending X-Forwarded-For from an untrusted peer', async () => {
    const peer = nextIp()
    await postTimes(5, { peer })
    for (const spoof of [nextIp(), '127.0.0.1', `${nextIp()}, ${nextIp()}`]) {
      const outcome = await postComment(payload, 'graphql', comment(), {
        peer,
        headers: { 'X-Forwarded-For': spoof },
      })
      expect(outcome.status, spoof).toBe(429)
    }
    // Nor by sending the peer header through a real server: the stamp overwrites it (unit-tested).
  })

  it('comes from X-Forwarded-For when a trusted proxy (loopback) forwards it', async () => {
    const reader = nextIp()
    const viaProxy = (forwardedFor: string) => ({
      peer: '127.0.0.1',
      headers: { 'X-Forwarded-For': forwardedFor },
    })
    const accepted = await postTimes(5, viaProxy(reader))
    expect(accepted.every((outcome) => outcome.ok)).toBe(true)
    expect((await postComment(payload, 'rest', comment(), viaProxy(reader))).status).toBe(429)
    // The reader prepending a made-up address changes nothing: the proxy appended the real one.
    expect(
      (await postComment(payload, 'rest', comment(), viaProxy(`${nextIp()}, ${reader}`))).status,
    ).toBe(429)
    expect((await postComment(payload, 'rest', comment(), viaProxy(nextIp()))).ok).toBe(true)
    // What is stored is the keyed hash of the forwarded reader, not of the proxy.
    const hash = hashClientIp(reader, ipHashSecret())
    const { totalDocs } = await payload.count({
      collection: 'comments',
      where: { ipHash: { equals: hash } },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(5)
  })

  it('is the /64 network for IPv6', async () => {
    await postTimes(5, { peer: '2001:db8:42:7::1' })
    expect(
      (await postComment(payload, 'rest', comment(), { peer: '2001:db8:42:7:ffff::2' })).status,
    ).toBe(429)
    expect((await postComment(payload, 'rest', comment(), { peer: '2001:db8:42:8::1' })).ok).toBe(
      true,
    )
  })
})

describe('windows', () => {
  it('lets the reader post again after the minute', async () => {
    const peer = nextIp()
    const start = Date.now()
    await postTimes(5, { peer })
    const refused = await postComment(payload, 'rest', comment(), { peer })
    expect(refused.status).toBe(429)
    vi.useFakeTimers({ toFake: ['Date'], now: start + refused.data.retryAfter * 1000 + 1000 })
    const again = await postComment(payload, 'graphql', comment(), { peer })
    expect(again.ok, JSON.stringify(again.raw)).toBe(true)
  })

  it('also caps the hour, and tells to wait for it', async () => {
    await setCommentSettings(payload, { rateLimitPerMinute: 0, rateLimitPerHour: 3 })
    const peer = nextIp()
    expect((await postTimes(3, { peer })).every((outcome) => outcome.ok)).toBe(true)
    const refused = await postComment(payload, 'rest', comment(), { peer })
    expect(refused.status).toBe(429)
    expect(refused.data.retryAfter).toBeGreaterThan(3500)
    expect(refused.message).toMatch(/Minuten/)
  })

  it('counts only comments that pass the field checks', async () => {
    const peer = nextIp()
    for (let i = 0; i < 8; i++)
      expect(
        (await postComment(payload, 'rest', { ...comment(), body: 'x' }, { peer })).status,
      ).toBe(400)
    expect((await postTimes(5, { peer })).every((outcome) => outcome.ok)).toBe(true)
  })

  it('follows the settings, 0 switching a window off', async () => {
    await setCommentSettings(payload, { rateLimitPerMinute: 2, rateLimitPerHour: 0 })
    const peer = nextIp()
    expect((await postTimes(3, { peer })).map((outcome) => outcome.status)).toEqual([201, 201, 429])
    await setCommentSettings(payload, { rateLimitPerMinute: 0, rateLimitPerHour: 0 })
    expect((await postTimes(3, { peer })).every((outcome) => outcome.ok)).toBe(true)
  })
})

describe('the counters', () => {
  it('stay out of the database: nothing lands in Payload’s KV store', async () => {
    const peer = nextIp()
    await postTimes(2, { peer })
    const keys = JSON.stringify(await payload.kv.keys())
    expect(keys).not.toContain(peer)
    expect(keys).not.toContain(hashClientIp(peer, ipHashSecret()))
  })

  it('lose nothing when one client posts many comments at once', async () => {
    await setCommentSettings(payload, { rateLimitPerMinute: 7, rateLimitPerHour: 0 })
    const peer = nextIp()
    const before = await countComments(payload)
    const outcomes = await Promise.all(
      Array.from({ length: 15 }, () => postComment(payload, 'rest', comment(), { peer })),
    )
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(7)
    expect(outcomes.filter((outcome) => outcome.status === 429)).toHaveLength(8)
    expect(await countComments(payload)).toBe(before + 7)
  })
})
