import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rest } from '../helpers/api'
import { createNewsroom, PASSWORD } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * The last admin survives bulk requests too (Payload runs a bulk request's documents
 * concurrently). Its own file: the cases remove fixture users.
 */
let ctx: TestPayload
let payload: Payload
const system = { overrideAccess: true, depth: 0 } as const

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  await createNewsroom(payload)
})
afterAll(async () => ctx?.close())

const admins = async () =>
  (await payload.find({ collection: 'users', where: { role: { equals: 'admin' } }, ...system }))
    .docs
/** A token of an admin there is now (which one survived an earlier case depends on timing). */
const adminToken = async () => {
  const [admin] = await admins()
  return (
    await payload.login({ collection: 'users', data: { email: admin.email, password: PASSWORD } })
  ).token!
}
const addAdmins = async (count: number) => {
  for (let i = 0; i < count; i++) {
    await payload.create({
      collection: 'users',
      data: {
        email: `admin-${Date.now()}-${i}@newsroom.test`,
        name: `Admin ${i}`,
        role: 'admin',
        password: PASSWORD,
      },
      ...system,
    })
  }
}

describe('the last admin', () => {
  it('survives a bulk demotion of every admin; the others are demoted', async () => {
    await addAdmins(2)
    expect(await admins()).toHaveLength(3)
    const { status, body } = await rest('PATCH', 'users?where[role][equals]=admin', {
      token: await adminToken(),
      body: { role: 'editor' },
    })
    expect(status).toBe(400)
    expect(JSON.stringify(body.errors)).toMatch(
      /letzte Administrator kann nicht herabgestuft werden/,
    )
    expect(await admins()).toHaveLength(1)
  })

  it('survives a bulk delete of every admin; the others are deleted', async () => {
    await addAdmins(2)
    const before = (await admins()).map((user) => user.id)
    expect(before).toHaveLength(3)
    const { status, body } = await rest('DELETE', 'users?where[role][equals]=admin', {
      token: await adminToken(),
    })
    expect(status).toBe(400)
    expect(JSON.stringify(body.errors)).toMatch(/letzte Administrator kann nicht gelöscht werden/)
    const after = await admins()
    expect(after).toHaveLength(1)
    expect(before).toContain(after[0].id)
  })
})
