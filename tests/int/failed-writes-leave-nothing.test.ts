import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, rest } from '../helpers/api'
import { articleData, createNewsroom, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
})
afterAll(async () => ctx?.close())

/** Everything stored about articles: main records (published or not) and versions. */
async function stored() {
  const [main, drafts, versions] = await Promise.all([
    payload.count({ collection: 'articles', overrideAccess: true }),
    payload.count({ collection: 'articles', overrideAccess: true, draft: true } as any),
    payload.countVersions({ collection: 'articles', overrideAccess: true }),
  ])
  return { main: main.totalDocs, drafts: drafts.totalDocs, versions: versions.totalDocs }
}

const UNKNOWN = '00000000-0000-0000-0000-000000000000'

const BAD_INPUT: [string, Record<string, unknown>, string][] = [
  ['an unknown source', { sources: [UNKNOWN] }, 'sources'],
  ['an author ID that is no ID', { authors: ['nope'] }, 'authors'],
  ['an unknown hero image', { heroImage: UNKNOWN }, 'heroImage'],
  [
    'a note whose text is no text',
    { editorialNotes: [{ text: { a: 1 } }] },
    'editorialNotes.0.text',
  ],
]

describe.each(BAD_INPUT)('creating an article with %s', (_label, input, path) => {
  it('is a 400 naming the field over REST and stores nothing', async () => {
    const before = await stored()
    const { status, body } = await rest('POST', 'articles', {
      token: newsroom.editor.token,
      body: articleData({ title: 'Sollte nicht entstehen', ...input }),
    })
    expect(status, JSON.stringify(body)).toBe(400)
    const errors = body.errors[0].data.errors as { path: string; message: string }[]
    expect(errors.map((error) => error.path)).toContain(path)
    expect(errors[0].message).toMatch(/Bitte/)
    expect(await stored()).toEqual(before)
    const list = await rest('GET', 'articles?depth=0&limit=100', { token: newsroom.editor.token })
    expect(list.body.docs.map((doc: any) => doc.title)).not.toContain('Sollte nicht entstehen')
  })

  it('is an error over GraphQL and stores nothing', async () => {
    const before = await stored()
    const { body } = await graphql(
      'mutation ($data: mutationArticleInput!) { createArticle(data: $data) { id } }',
      { data: articleData({ title: 'Sollte nicht entstehen', ...input }) },
      { token: newsroom.editor.token },
    )
    expect(body.errors?.[0]?.message, JSON.stringify(body)).toBeTruthy()
    expect(body.data?.createArticle ?? null).toBeNull()
    expect(await stored()).toEqual(before)
  })
})
