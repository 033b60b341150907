import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rest } from '../helpers/api'
import { clientFor, type Channel } from '../helpers/channels'
import { articleData, createNewsroom, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom

const system = { overrideAccess: true, depth: 0 } as const
const FUTURE = '2099-01-01T00:00:00.000Z'

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
})
afterAll(async () => ctx?.close())

const latest = (id: string) =>
  payload.findByID({ collection: 'articles', id, draft: true, ...system })
const recent = (value: unknown) => Math.abs(Date.parse(String(value)) - Date.now()) < 60_000

describe.each(['rest', 'graphql', 'local'] as Channel[])('publishedAt via %s', (channel) => {
  it('authors cannot set it: not when creating, not when saving, and publishing sets the moment', async () => {
    const author = clientFor(payload, channel, newsroom.author)
    const editor = clientFor(payload, channel, newsroom.editor)
    const created = await author.create(
      'articles',
      articleData({ title: `Datum ${channel}`, publishedAt: FUTURE }),
    )
    expect(created.ok, JSON.stringify(created)).toBe(true)
    const id = created.doc.id
    expect((await latest(id)).publishedAt ?? null).toBeNull()

    const saved = await author.update('articles', id, {
      publishedAt: FUTURE,
      workflowStatus: 'in_review',
    })
    expect(saved.ok, JSON.stringify(saved)).toBe(true)
    expect((await latest(id)).publishedAt ?? null).toBeNull()

    const published = await editor.update('articles', id, { _status: 'published' })
    expect(published.ok, JSON.stringify(published)).toBe(true)
    const stored = await payload.findByID({ collection: 'articles', id, ...system })
    expect(stored._status).toBe('published')
    expect(recent(stored.publishedAt)).toBe(true)

    // A later draft of the author cannot move the date either.
    await author.update('articles', id, { publishedAt: FUTURE, title: `Datum ${channel} neu` })
    expect(recent((await latest(id)).publishedAt)).toBe(true)
  })

  it('editors may set it explicitly', async () => {
    const editor = clientFor(payload, channel, newsroom.editor)
    const created = await editor.create(
      'articles',
      articleData({
        title: `Geplant ${channel}`,
        publishedAt: '2020-05-01T08:00:00.000Z',
        _status: 'published',
      }),
    )
    expect(created.ok, JSON.stringify(created)).toBe(true)
    const stored = await payload.findByID({ collection: 'articles', id: created.doc.id, ...system })
    expect(stored.publishedAt).toBe('2020-05-01T08:00:00.000Z')
  })
})

it('an author-dated article does not pin itself to the top of the reader list', async () => {
  const author = clientFor(payload, 'rest', newsroom.author)
  const created = await author.create(
    'articles',
    articleData({ title: 'Angepinnt?', publishedAt: FUTURE }),
  )
  await clientFor(payload, 'rest', newsroom.editor).update('articles', created.doc.id, {
    _status: 'published',
  })
  await payload.create({
    collection: 'articles',
    data: articleData({ title: 'Danach veröffentlicht', _status: 'published' }),
    ...system,
  })
  const { body } = await rest('GET', 'articles?sort=-publishedAt&limit=1&depth=0')
  expect(body.docs[0].title).toBe('Danach veröffentlicht')
})
