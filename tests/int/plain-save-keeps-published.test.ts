import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, rest } from '../helpers/api'
import { clientFor, type Channel } from '../helpers/channels'
import { articleData, createNewsroom, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom

const system = { overrideAccess: true, depth: 0 } as const

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
})
afterAll(async () => ctx?.close())

/** Editor publishes; the author then saves an unreviewed draft on top of it. */
async function publishedWithPendingDraft(label: string) {
  const article = await payload.create({
    collection: 'articles',
    data: articleData({
      title: `Geprüft ${label}`,
      authors: [newsroom.author.id],
      _status: 'published',
    }),
    ...system,
  })
  const author = clientFor(payload, 'rest', newsroom.author)
  const saved = await author.update('articles', article.id, { title: `Ungeprüft ${label}` })
  expect(saved.ok, JSON.stringify(saved)).toBe(true)
  return article.id
}

async function readersSee(id: string) {
  const viaRest = await rest('GET', `articles/${id}?depth=0`)
  const viaGraphql = await graphql<{ Article: { title: string } | null }>(
    'query ($id: String!) { Article(id: $id) { title } }',
    { id },
  )
  return {
    restStatus: viaRest.status,
    restTitle: viaRest.body?.title,
    graphqlTitle: viaGraphql.body.data?.Article?.title,
  }
}

const mainRecord = (id: string) =>
  payload.findByID({ collection: 'articles', id, draft: false, ...system })
const newest = (id: string) =>
  payload.findByID({ collection: 'articles', id, draft: true, ...system })

describe.each(['rest', 'graphql', 'local'] as Channel[])(
  'a plain editor save via %s',
  (channel) => {
    it('lands on the pending draft and leaves the published article as readers see it', async () => {
      const id = await publishedWithPendingDraft(`plain ${channel}`)
      const editor = clientFor(payload, channel, newsroom.editor)
      const result = await editor.update('articles', id, { commentsEnabled: false })
      expect(result.ok, JSON.stringify(result)).toBe(true)

      expect(await readersSee(id)).toEqual({
        restStatus: 200,
        restTitle: `Geprüft plain ${channel}`,
        graphqlTitle: `Geprüft plain ${channel}`,
      })
      const main = await mainRecord(id)
      expect(main).toMatchObject({
        _status: 'published',
        title: `Geprüft plain ${channel}`,
        commentsEnabled: true,
      })
      const draft = await newest(id)
      expect(draft).toMatchObject({
        _status: 'draft',
        title: `Ungeprüft plain ${channel}`,
        commentsEnabled: false,
      })
    })

    it('an explicit publish by the editor publishes the newest draft merged with the change', async () => {
      const id = await publishedWithPendingDraft(`publish ${channel}`)
      const editor = clientFor(payload, channel, newsroom.editor)
      const result = await editor.update('articles', id, {
        commentsEnabled: false,
        _status: 'published',
      })
      expect(result.ok, JSON.stringify(result)).toBe(true)
      const main = await mainRecord(id)
      expect(main).toMatchObject({
        _status: 'published',
        title: `Ungeprüft publish ${channel}`,
        commentsEnabled: false,
      })
      expect((await readersSee(id)).graphqlTitle).toBe(`Ungeprüft publish ${channel}`)
    })
  },
)

describe('plain saves without a pending draft', () => {
  it('still change the published article directly', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData({
        title: 'Ohne Entwurf',
        authors: [newsroom.author.id],
        _status: 'published',
      }),
      ...system,
    })
    const editor = clientFor(payload, 'rest', newsroom.editor)
    const result = await editor.update('articles', article.id, { commentsEnabled: false })
    expect(result.ok, JSON.stringify(result)).toBe(true)
    expect(await mainRecord(article.id)).toMatchObject({
      _status: 'published',
      commentsEnabled: false,
    })
  })
})
