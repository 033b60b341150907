/**
 * SEO fields of articles (`meta`: title, description, sharing image): editors and the article's
 * authors set them, readers read them, on every channel; the plugin's generate endpoints.
 */
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, rest } from '../helpers/api'
import { CHANNELS, clientFor, type Channel } from '../helpers/channels'
import { articleData, createNewsroom, type Newsroom } from '../helpers/fixtures'
import { imageFile, makeImage } from '../helpers/images'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
let imageId: string
let published: { id: string; slug: string }
let authorsDraft: { id: string }

const system = { overrideAccess: true } as const

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  imageId = (
    await payload.create({
      collection: 'images',
      data: { alt: 'Der Hafen', credit: { author: 'A', license: 'cc0', provider: 'P' } },
      file: imageFile(await makeImage('jpeg'), 'hafen.jpg', 'image/jpeg'),
      ...system,
    })
  ).id
  const article = await payload.create({
    collection: 'articles',
    data: articleData({ title: 'Der Hafen wird ausgebaut', _status: 'published' }),
    ...system,
  })
  published = { id: article.id, slug: article.slug! }
  authorsDraft = await payload.create({
    collection: 'articles',
    data: articleData({ title: 'Entwurf der Autorin', authors: [newsroom.author.id] }),
    ...system,
  })
})
afterAll(async () => ctx?.close())

type Meta = { title?: string | null; description?: string | null; image?: unknown }

/** The article's `meta` as `actor` reads it through `channel` (image populated: id and url). */
async function readMeta(
  channel: Channel,
  id: string,
  token?: string,
  draft = false,
): Promise<{ status: number; meta?: Meta }> {
  if (channel === 'local') {
    const actor = token ? Object.values(newsroom).find((user) => user.token === token) : null
    try {
      const doc = await payload.findByID({
        collection: 'articles',
        id,
        depth: 1,
        draft,
        overrideAccess: false,
        user: actor ? { ...actor, collection: 'users' } : null,
      })
      return { status: 200, meta: doc.meta as Meta }
    } catch (error) {
      return { status: (error as { status?: number }).status ?? 500 }
    }
  }
  if (channel === 'rest') {
    const { status, body } = await rest('GET', `articles/${id}?depth=1&draft=${draft}`, { token })
    return { status, meta: body?.meta }
  }
  const { body } = await graphql(
    `
      query ($id: String!, $draft: Boolean) {
        Article(id: $id, draft: $draft) {
          meta {
            title
            description
            image {
              id
              url
            }
          }
        }
      }
    `,
    { id, draft },
    { token },
  )
  if (body.errors) return { status: 400 }
  return { status: body.data?.Article ? 200 : 404, meta: body.data?.Article?.meta }
}

const imageOf = (meta?: Meta) =>
  meta?.image && typeof meta.image === 'object' ? (meta.image as { id: string; url: string }) : null

describe.each(CHANNELS)('meta fields via %s', (channel) => {
  it('an editor sets them on a published article; readers read them', async () => {
    const editor = clientFor(payload, channel, newsroom.editor)
    const meta = {
      title: `Hafen: Was sich ändert (${channel})`,
      description: `Was der Ausbau für Anwohner bedeutet – ${channel}.`,
      image: imageId,
    }
    const saved = await editor.update('articles', published.id, { meta })
    expect(saved, saved.message).toMatchObject({ ok: true })

    const read = await readMeta(channel, published.id)
    expect(read.status).toBe(200)
    expect(read.meta).toMatchObject({ title: meta.title, description: meta.description })
    expect(imageOf(read.meta)).toMatchObject({ id: imageId, url: expect.stringContaining('/') })
  })

  it("an author sets them on their own draft; readers do not see the draft's", async () => {
    const author = clientFor(payload, channel, newsroom.author)
    const meta = { title: `Entwurfstitel ${channel}`, description: 'Beschreibung des Entwurfs.' }
    const saved = await author.update('articles', authorsDraft.id, { meta }, { draft: true })
    expect(saved, saved.message).toMatchObject({ ok: true })

    const own = await readMeta(channel, authorsDraft.id, newsroom.author.token, true)
    expect(own.meta).toMatchObject(meta)
    const reader = await readMeta(channel, authorsDraft.id, undefined, true)
    expect(reader.meta?.title).toBeUndefined()
    expect(reader.status).not.toBe(200)
  })

  it('a reader cannot set them', async () => {
    const reader = clientFor(payload, channel, null)
    const outcome = await reader.update('articles', published.id, {
      meta: { title: 'Von außen' },
    })
    expect(outcome.ok).toBe(false)
    expect([401, 403]).toContain(outcome.status)
    const read = await readMeta(channel, published.id)
    expect(read.meta?.title).not.toBe('Von außen')
  })

  it.each([
    ['an unknown image', () => randomUUID()],
    ['no image ID at all', () => 'kein-bild'],
  ])('%s as sharing image is a 400, and nothing is saved', async (_, badId) => {
    const editor = clientFor(payload, channel, newsroom.editor)
    const before = await readMeta(channel, published.id)
    const outcome = await editor.update('articles', published.id, {
      meta: { title: 'Soll nicht gespeichert werden', image: badId() },
    })
    expect(outcome.ok).toBe(false)
    expect(outcome.status).toBe(400)
    expect(outcome.message).toMatch(/Vorschaubild|meta\.image|ungültig|invalid/i)
    const after = await readMeta(channel, published.id)
    expect(after.meta?.title).toBe(before.meta?.title)
  })

  it('an overlong meta title is a 400', async () => {
    const editor = clientFor(payload, channel, newsroom.editor)
    const outcome = await editor.update('articles', published.id, {
      meta: { title: 'x'.repeat(201) },
    })
    expect(outcome).toMatchObject({ ok: false, status: 400 })
  })
})

describe('the plugin’s generate buttons', () => {
  const body = (doc: Record<string, unknown>) => ({
    id: published.id,
    collectionSlug: 'articles',
    doc,
  })

  it('fill title, description and URL from the article for the newsroom', async () => {
    const doc = {
      title: 'Der Hafen wird ausgebaut',
      excerpt: 'Der Anriss.',
      slug: published.slug,
    }
    for (const user of [newsroom.editor, newsroom.author]) {
      const title = await rest('POST', 'plugin-seo/generate-title', {
        token: user.token,
        body: body(doc),
      })
      expect(title).toMatchObject({
        status: 200,
        body: { result: 'Der Hafen wird ausgebaut – Newsroom' },
      })
      const description = await rest('POST', 'plugin-seo/generate-description', {
        token: user.token,
        body: body(doc),
      })
      expect(description.body).toEqual({ result: 'Der Anriss.' })
      const url = await rest('POST', 'plugin-seo/generate-url', {
        token: user.token,
        body: body(doc),
      })
      expect(url.body.result).toMatch(new RegExp(`/artikel/${published.slug}$`))
      const image = await rest('POST', 'plugin-seo/generate-image', {
        token: user.token,
        body: body({ ...doc, heroImage: imageId }),
      })
      expect(image.body).toEqual({ result: imageId })
    }
  })

  it('are closed to readers', async () => {
    const response = await rest('POST', 'plugin-seo/generate-title', {
      body: body({ title: 'x' }),
    })
    expect(response.status).toBe(401)
  })
})
