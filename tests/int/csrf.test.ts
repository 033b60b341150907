import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, rest } from '../helpers/api'
import { createNewsroom, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * Cross-site writes with the login cookie (#15): NEXT_PUBLIC_SERVER_URL is not set in this
 * test run, which used to leave Payload's csrf list empty, so any site could write as a
 * signed-in editor through the browser's cookie.
 */
let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
})
afterAll(async () => ctx?.close())

const cookie = (token: string) => ({ Cookie: `payload-token=${token}` })
const nameOf = async (id: string) =>
  (await payload.findByID({ collection: 'users', id, depth: 0 })).name

describe('writes with the login cookie', () => {
  it('are refused from a foreign origin over REST and store nothing', async () => {
    const { editor } = newsroom
    const { status } = await rest('PATCH', `users/${editor.id}`, {
      body: { name: 'Von fremder Seite' },
      headers: { ...cookie(editor.token), Origin: 'https://evil.example' },
    })
    expect(status).toBe(403)
    expect(await nameOf(editor.id)).toBe('Emil Editor')

    const created = await rest('POST', 'articles', {
      body: { title: 'Fremder Artikel' },
      headers: { ...cookie(editor.token), Origin: 'https://evil.example' },
    })
    expect(created.status).toBe(403)
    const { totalDocs } = await payload.find({
      collection: 'articles',
      where: { title: { equals: 'Fremder Artikel' } },
      draft: true,
    })
    expect(totalDocs).toBe(0)
  })

  it('are refused from a foreign origin over GraphQL', async () => {
    const { editor } = newsroom
    const { body } = await graphql(
      'mutation ($id: String!) { updateUser(id: $id, data: { name: "Von fremder Seite" }) { name } }',
      { id: editor.id },
      { headers: { ...cookie(editor.token), Origin: 'https://evil.example' } },
    )
    expect(body.errors?.[0]?.message).toBeTruthy()
    expect(await nameOf(editor.id)).toBe('Emil Editor')
  })

  it('still work from the newsroom itself', async () => {
    const { editor } = newsroom
    const { status } = await rest('PATCH', `users/${editor.id}`, {
      body: { name: 'Emil Redakteur' },
      headers: { ...cookie(editor.token), Origin: 'http://localhost:3000' },
    })
    expect(status).toBe(200)
    expect(await nameOf(editor.id)).toBe('Emil Redakteur')
  })
})
