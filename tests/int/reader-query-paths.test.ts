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
  // One published article by an author who has a session (logged in), one by nobody.
  await payload.create({
    collection: 'articles',
    data: articleData({
      title: 'Mit Autorin',
      authors: [newsroom.author.id],
      _status: 'published',
    }),
    overrideAccess: true,
  })
  await payload.create({
    collection: 'articles',
    data: articleData({ title: 'Ohne Autor', authors: [], _status: 'published' }),
    overrideAccess: true,
  })
  const article = await payload.find({
    collection: 'articles',
    where: { title: { equals: 'Mit Autorin' } },
    overrideAccess: true,
  })
  await payload.create({
    collection: 'comments',
    data: {
      article: article.docs[0].id,
      body: 'Ein Kommentar.',
      authorName: 'Lea',
      authorEmail: 'lea@example.org',
      status: 'approved',
    } as any,
    overrideAccess: true,
  })
})
afterAll(async () => ctx?.close())

const HIDDEN_FILTERS = [
  'articles?where[authors.sessions.id][exists]=true',
  'articles?where[authors.sessions.id][exists]=false',
  'articles?where[authors.hash][exists]=true',
  'articles?where[authors.email][like]=author',
  'articles?where[authors.role][equals]=author',
  'articles?where[authors.name][equals]=Anna%20Autorin',
  'articles?where[submittedBy.email][exists]=true',
  'articles?where[editorialNotes.text][exists]=true',
  'comments?where[article.authors.hash][exists]=true',
  'comments?where[authorEmail][like]=lea',
]

const HIDDEN_SORTS = [
  'articles?sort=authors.hash',
  'articles?sort=-authors.salt',
  'articles?sort=title,authors.email',
  'comments?sort=article.authors.hash',
]

describe('readers filter and sort only on what they can read', () => {
  it.each(HIDDEN_FILTERS)('GET /api/%s is a 400 with a message', async (path) => {
    const { status, body } = await rest('GET', path)
    expect(status, JSON.stringify(body)).toBe(400)
    expect(body.errors[0].message).toMatch(/filtern oder sortieren/)
  })

  it.each(HIDDEN_SORTS)('GET /api/%s is a 400 with a message', async (path) => {
    const { status, body } = await rest('GET', path)
    expect(status, JSON.stringify(body)).toBe(400)
    expect(body.errors[0].message).toMatch(/filtern oder sortieren/)
  })

  it('GraphQL sorts on hidden fields are refused with a message', async () => {
    const { body } = await graphql('{ Articles(sort: "authors.hash") { docs { id } } }')
    expect(body.errors?.[0]?.message).toMatch(/filtern oder sortieren/)
    expect(body.data?.Articles ?? null).toBeNull()
  })

  it('filters and sorts on readable fields, relations included, still work', async () => {
    const sourceless = await rest(
      'GET',
      'articles?where[_status][equals]=published&sort=-publishedAt,-id&depth=0',
    )
    expect(sourceless.status).toBe(200)
    expect(sourceless.body.docs).toHaveLength(2)
    const byAuthorId = await rest(
      'GET',
      `articles?where[authors][in]=${newsroom.author.id}&depth=0`,
    )
    expect(byAuthorId.status).toBe(200)
    expect(byAuthorId.body.docs.map((doc: any) => doc.title)).toEqual(['Mit Autorin'])
    const bySourceName = await rest('GET', 'articles?where[sources.name][equals]=Niemand&depth=0')
    expect(bySourceName.status).toBe(200)
    const comments = await rest(
      'GET',
      'comments?where[article.slug][exists]=true&sort=createdAt&depth=0',
    )
    expect(comments.status).toBe(200)
    expect(comments.body.docs).toHaveLength(1)
    const { body } = await graphql(
      '{ Articles(sort: "-publishedAt,-id", where: { _status: { equals: published } }) { docs { title } } }',
    )
    expect(body.errors).toBeUndefined()
    expect(body.data.Articles.docs).toHaveLength(2)
  })

  it('the newsroom keeps its filters', async () => {
    const { status } = await rest(
      'GET',
      'articles?where[authors.name][equals]=Anna%20Autorin&sort=authors.name',
      {
        token: newsroom.editor.token,
      },
    )
    expect(status).toBe(200)
  })
})
