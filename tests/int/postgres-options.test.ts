import { setTimeout as sleep } from 'node:timers/promises'

import type { Payload } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { articleData } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'
import { nextIp, postComment, setCommentSettings } from './comments-helpers'

/**
 * DATABASE_POOL_MAX and DATABASE_READ_REPLICAS reach the PostgreSQL adapter. The "replica" is
 * this file's own database (a second pool on it), which is enough to see reads go through it.
 */
const isPostgres = vi.hoisted(() => {
  const uri = process.env.DATABASE_URI ?? ''
  if (!uri.startsWith('postgres')) return false
  // Before any import: the config reads the environment when it is imported.
  process.env.DATABASE_POOL_MAX = '3'
  process.env.DATABASE_READ_REPLICAS = uri
  return true
})

let ctx: TestPayload
let payload: Payload

beforeAll(async () => {
  // vitest.config.ts runs this file only in the PostgreSQL pass (TEST_DATABASE=postgres).
  if (!isPostgres)
    throw new Error('tests/int/postgres-options.test.ts needs TEST_DATABASE=postgres')
  ctx = await startTestPayload()
  payload = ctx.payload
})
afterAll(async () => {
  for (const replica of (payload?.db as any)?.drizzle?.$replicas ?? [])
    void replica.$client?.end?.().catch(() => {})
  await ctx?.close()
})

describe('PostgreSQL options', () => {
  it('sizes the pool from DATABASE_POOL_MAX and reads through the replicas of DATABASE_READ_REPLICAS', async () => {
    const db = payload.db as any
    expect(db.poolOptions.max).toBe(3)
    expect(db.readReplicaOptions).toEqual([process.env.DATABASE_URI])
    expect(db.drizzle.$replicas).toHaveLength(1)
    const created = await payload.create({
      collection: 'sources',
      data: { name: 'Replica-Agentur' },
      overrideAccess: true,
    })
    const found = await payload.find({
      collection: 'sources',
      where: { id: { equals: created.id } },
      overrideAccess: true,
    })
    expect(found.docs.map((doc) => doc.name)).toEqual(['Replica-Agentur'])
  })

  it('takes more concurrent comment posts than the pool has connections', async () => {
    const article = (
      await payload.create({
        collection: 'articles',
        data: articleData({ _status: 'published' }),
        overrideAccess: true,
        depth: 0,
      })
    ).id
    // Saving the settings empties their cache: every post of the burst needs them read.
    await setCommentSettings(payload, { rateLimitPerMinute: 0, rateLimitPerHour: 0 })
    const posts = Array.from({ length: 12 }, (_, i) =>
      postComment(
        payload,
        'rest',
        {
          article,
          authorName: 'Lea',
          authorEmail: `lea${i}@example.com`,
          body: `Kommentar Nummer ${i}`,
        },
        { peer: nextIp() },
      ),
    )
    const outcomes = await Promise.all(posts)
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(12).fill(201))
  }, 30_000)

  it('survives the server ending its idle connections (restart, failover) and reconnects', async () => {
    const db = payload.db as any
    // Reads go to the replica pool once the last write is 2 s old (the adapter's default).
    await sleep(2100)
    await Promise.all(
      Array.from({ length: 3 }, () =>
        payload.count({ collection: 'sources', overrideAccess: true }),
      ),
    )
    await payload.create({
      collection: 'sources',
      data: { name: 'Zweite Agentur' },
      overrideAccess: true,
    })
    expect(db.pool.idleCount).toBeGreaterThan(0)
    expect(db.drizzle.$replicas[0].$client.idleCount).toBeGreaterThan(0)
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URI })
    await admin.connect()
    try {
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle'`,
      )
      expect(rowCount).toBeGreaterThan(0)
    } finally {
      await admin.end()
    }
    // An unhandled 'error' of the pool would end this process here (and fail the run).
    await sleep(200)
    expect(
      (await payload.count({ collection: 'sources', overrideAccess: true })).totalDocs,
    ).toBeGreaterThan(0)
  })
})
