import config from '@payload-config'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { claimOnce, releaseClaim } from '@/lib/jobs/claimOnce'
import { articleData } from '../helpers/fixtures'
import { closeTestPayload, startTestPayload, type TestPayload } from '../helpers/payload'

/** Without REDIS_URL the claims behind "scheduled publishing once" live in the database. */
let ctx: TestPayload
let payload: Payload
let other: Payload

beforeAll(async () => {
  delete process.env.REDIS_URL
  ctx = await startTestPayload()
  payload = ctx.payload
  other = await getPayload({ config, key: 'claim-once-second-instance' })
})
afterAll(async () => {
  if (other) await closeTestPayload(other)
  await ctx?.close()
})

describe('claimOnce in the database', () => {
  it('exactly one of many simultaneous claims from two instances wins', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) => claimOnce(index % 2 ? other : payload, 'job:1:0')),
    )
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await claimOnce(payload, 'job:1:0')).toBe(false)
    expect(await claimOnce(other, 'job:2:0')).toBe(true)
  })

  it('a released claim can be made again', async () => {
    expect(await claimOnce(payload, 'tick:1')).toBe(true)
    await releaseClaim(other, 'tick:1')
    expect(await claimOnce(other, 'tick:1')).toBe(true)
  })
})

describe('scheduled publishing with two instances and no Redis', () => {
  it('two instances running the queue directly at once (GET /api/payload-jobs/run) publish once', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: articleData({ title: 'Geplant' }),
      draft: true,
      overrideAccess: true,
    })
    await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() - 1_000),
      input: { type: 'publish', doc: { relationTo: 'articles', value: draft.id } },
    } as any)
    // Both may take the job (Payload reads, then marks it): the one that loses the claim does
    // nothing, and its run may then fail on Payload's own bookkeeping of the job the winner has
    // completed and deleted (deleteJobOnComplete) — which is why the cron runs the queue on one
    // instance per tick.
    const runs = await Promise.allSettled([payload.jobs.run(), other.jobs.run()])
    expect(runs.some((run) => run.status === 'fulfilled')).toBe(true)
    const published = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: draft.id }, 'version._status': { equals: 'published' } },
      overrideAccess: true,
    })
    expect(published.totalDocs).toBe(1)
  })
})
