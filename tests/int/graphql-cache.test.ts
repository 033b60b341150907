import config from '@payload-config'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readContentVersion } from '@/hooks/publicContentChanged'
import { withAnonymousGraphQLCache } from '@/lib/graphqlCache'
import { articleData, createNewsroom, lexical, type Newsroom } from '../helpers/fixtures'
import { imageFile, makeImage } from '../helpers/images'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * The anonymous GraphQL response cache in front of Payload's real handler. Two wrappers share
 * one database, as two server instances would: a change through either is seen by both at once.
 */
let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
let articleId: string
let imageId: string
let sourceId: string
const system = { overrideAccess: true, depth: 0 } as const

const instance = () => withAnonymousGraphQLCache(GRAPHQL_POST(config), { version: () => readContentVersion(payload) })
let first: ReturnType<typeof instance>
let second: ReturnType<typeof instance>

const QUERY = `{ Articles(sort: "-publishedAt") { docs { id title heroImage { alt } sources { name } } } Comments { docs { body } } }`

async function ask(handler: ReturnType<typeof instance>, headers: Record<string, string> = {}, query = QUERY) {
  const response = await handler(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    }),
  )
  return { cache: response.headers.get('x-graphql-cache'), body: await response.json() }
}

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  sourceId = (await payload.create({ collection: 'sources', data: { name: 'Reuters', kind: 'agency' }, ...system })).id
  imageId = (
    await payload.create({
      collection: 'images',
      data: { alt: 'Altes Bild', credit: { license: 'cc0', author: 'A', provider: 'P' } },
      file: imageFile(await makeImage('png', 200, 100), 'bild.png', 'image/png'),
      ...system,
    })
  ).id
  articleId = (
    await payload.create({
      collection: 'articles',
      data: articleData({ title: 'Erste Fassung', _status: 'published', heroImage: imageId, sources: [sourceId] }),
      ...system,
    })
  ).id
  first = instance()
  second = instance()
})
afterAll(async () => ctx?.close())

const titleIn = (body: any) => body.data.Articles.docs[0].title

describe('anonymous GraphQL response cache', () => {
  it('serves repeated anonymous queries from the cache, per instance', async () => {
    expect((await ask(first)).cache).toBe('MISS')
    expect((await ask(first)).cache).toBe('HIT')
    expect((await ask(second)).cache).toBe('MISS')
    expect((await ask(second)).cache).toBe('HIT')
  })

  it('publishing through one instance’s API is visible through both at once', async () => {
    await payload.update({ collection: 'articles', id: articleId, data: { title: 'Zweite Fassung', _status: 'published' }, ...system })
    for (const handler of [first, second]) {
      const { cache, body } = await ask(handler)
      expect(cache).toBe('MISS')
      expect(titleIn(body)).toBe('Zweite Fassung')
    }
  })

  it('an image change is visible at once', async () => {
    await ask(first)
    await payload.update({ collection: 'images', id: imageId, data: { alt: 'Neues Bild' }, ...system })
    expect((await ask(first)).body.data.Articles.docs[0].heroImage.alt).toBe('Neues Bild')
  })

  it('a source change is visible at once', async () => {
    await ask(first)
    await payload.update({ collection: 'sources', id: sourceId, data: { name: 'Reuters Deutschland' }, ...system })
    expect((await ask(first)).body.data.Articles.docs[0].sources[0].name).toBe('Reuters Deutschland')
  })

  it('a comment approval is visible at once; a new pending comment does not retire the cache', async () => {
    const comment = await payload.create({
      collection: 'comments',
      data: { article: articleId, authorName: 'Lea', authorEmail: 'lea@example.com', body: 'Erster Kommentar', status: 'pending' },
      ...system,
    })
    await ask(first)
    expect((await ask(first)).cache).toBe('HIT')
    await payload.update({ collection: 'comments', id: comment.id, data: { status: 'approved' }, ...system })
    const after = await ask(first)
    expect(after.cache).toBe('MISS')
    expect(after.body.data.Comments.docs.map((doc: any) => doc.body)).toEqual(['Erster Kommentar'])
  })

  it('a draft save never reaches anonymous readers, cached or not', async () => {
    await ask(first)
    await payload.update({ collection: 'articles', id: articleId, data: { title: 'Geheimer Entwurf', content: lexical('Geheim') }, draft: true, ...system })
    for (const handler of [first, second]) expect(titleIn((await ask(handler)).body)).toBe('Zweite Fassung')
    await payload.create({ collection: 'articles', data: articleData({ title: 'Nur Entwurf' }), ...system })
    expect(JSON.stringify((await ask(first)).body)).not.toContain('Nur Entwurf')
  })

  it('never serves another user’s view, nor caches it', async () => {
    const { token } = newsroom.editor
    const editorQuery = `{ Articles(draft: true, sort: "-updatedAt") { docs { title } } }`
    const editor = await ask(first, { authorization: `JWT ${token}` }, editorQuery)
    expect(editor.cache).toBeNull()
    expect(JSON.stringify(editor.body)).toContain('Nur Entwurf')
    const anonymous = await ask(first, {}, editorQuery)
    expect(anonymous.cache).toBe('MISS')
    expect(JSON.stringify(anonymous.body)).not.toContain('Nur Entwurf')
    const cookie = await ask(first, { cookie: `payload-token=${token}` }, editorQuery)
    expect(cookie.cache).toBeNull()
  })

  it('unpublishing is visible at once', async () => {
    await ask(first)
    await payload.update({ collection: 'articles', id: articleId, data: { _status: 'draft' }, ...system })
    expect((await ask(first)).body.data.Articles.docs).toEqual([])
  })
})
