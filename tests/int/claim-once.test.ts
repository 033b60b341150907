import config from '@payload-config'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { claimOnce, releaseClaim } from '@/lib/jobs/claimOnce'
import { startTestPayload, type TestPayload } from '../helpers/payload'

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
  await other?.destroy()
  await ctx?.close()
})

describe('claimOnce in the database', () => {
  it('exactly one of many simultaneous claims from two instances wins', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, index) => claimOnce(index % 2 ? other : payload, 'job:1:0')))
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
