import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
beforeAll(async () => {
  ctx = await startTestPayload()
})
afterAll(async () => ctx?.close())

describe('smoke', () => {
  it('boots on a fresh database', async () => {
    const { totalDocs } = await ctx.payload.count({ collection: 'articles' })
    expect(totalDocs).toBe(0)
  })
})
