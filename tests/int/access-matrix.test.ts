import { randomUUID } from 'node:crypto'

import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rest } from '../helpers/api'
import { CHANNELS, clientFor, type Actor } from '../helpers/channels'
import { articleData, createNewsroom, lexical, PASSWORD, type Newsroom } from '../helpers/fixtures'
import { imageFile, makeImage, uploadForm } from '../helpers/images'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * Who may do what, on every collection, through the Local API (overrideAccess: false), REST
 * and GraphQL. Each case works on its own freshly created record.
 */
type Role = 'anonymous' | 'author' | 'editor' | 'admin'
type Expectation = Record<Role, boolean>

const ROLES: Role[] = ['anonymous', 'author', 'editor', 'admin']
const only = (...roles: Role[]): Expectation =>
  Object.fromEntries(ROLES.map((role) => [role, roles.includes(role)])) as Expectation
const everyone = only(...ROLES)

let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
let png: Buffer
let publishedArticleId: string

const actorFor = (role: Role): Actor => (role === 'anonymous' ? null : newsroom[role])
const uid = () => randomUUID().slice(0, 8)

const system = { overrideAccess: true, depth: 0 } as const

const makers: Record<string, () => Promise<string>> = {
  articles: async () =>
    (
      await payload.create({
        collection: 'articles',
        data: articleData({
          title: `Fremder Entwurf ${uid()}`,
          authors: [newsroom.otherAuthor.id],
        }),
        ...system,
      })
    ).id,
  sources: async () =>
    (
      await payload.create({
        collection: 'sources',
        data: { name: `Quelle ${uid()}`, kind: 'agency' },
        ...system,
      })
    ).id,
  images: async () =>
    (
      await payload.create({
        collection: 'images',
        data: {
          alt: 'Ein Bild',
          credit: { license: 'cc0', author: 'Elionas2', provider: 'Pixabay' },
        },
        file: imageFile(png, `bild-${uid()}.png`, 'image/png'),
        ...system,
      })
    ).id,
  comments: async () =>
    (
      await payload.create({
        collection: 'comments',
        data: {
          article: publishedArticleId,
          authorName: 'Leserin',
          authorEmail: 'leserin@example.com',
          body: 'Guter Text.',
          status: 'pending',
        },
        ...system,
      })
    ).id,
  users: async () =>
    (
      await payload.create({
        collection: 'users',
        data: { email: `u${uid()}@newsroom.test`, password: PASSWORD, name: 'Neu', role: 'author' },
        ...system,
      })
    ).id,
}

const createData: Record<string, () => Record<string, unknown>> = {
  articles: () => articleData({ title: `Neuer Artikel ${uid()}` }),
  sources: () => ({ name: `Neue Quelle ${uid()}`, kind: 'newspaper' }),
  comments: () => ({
    article: publishedArticleId,
    authorName: 'Redaktion',
    authorEmail: 'redaktion@example.com',
    body: 'Antwort der Redaktion.',
  }),
  users: () => ({
    email: `neu${uid()}@newsroom.test`,
    password: PASSWORD,
    name: 'Neue Person',
    role: 'author',
  }),
}

const updateData: Record<string, Record<string, unknown>> = {
  articles: { title: 'Geänderter Titel' },
  sources: { kind: 'broadcaster' },
  images: { alt: 'Geänderter Alternativtext' },
  comments: { body: 'Geänderter Kommentar' },
  users: { name: 'Geänderter Name' },
}

const MATRIX: Record<
  string,
  { create: Expectation; read: Expectation; update: Expectation; delete: Expectation }
> = {
  // `read` here is an unpublished draft of someone else; published reading is checked below.
  articles: {
    create: only('author', 'editor', 'admin'),
    read: only('author', 'editor', 'admin'),
    update: only('editor', 'admin'),
    delete: only('editor', 'admin'),
  },
  sources: {
    create: only('author', 'editor', 'admin'),
    read: everyone,
    update: only('editor', 'admin'),
    delete: only('editor', 'admin'),
  },
  images: {
    create: only('author', 'editor', 'admin'),
    read: everyone,
    update: only('editor', 'admin'),
    delete: only('editor', 'admin'),
  },
  // `read` here is a pending comment; approved comments of published articles are public.
  // Anyone may post a comment (readers under the comment rules, see tests/int/comments*.test.ts); only staff moderate.
  comments: {
    create: everyone,
    read: only('editor', 'admin'),
    update: only('editor', 'admin'),
    delete: only('editor', 'admin'),
  },
  users: {
    create: only('admin'),
    read: only('author', 'editor', 'admin'),
    update: only('admin'),
    delete: only('admin'),
  },
}

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  png = await makeImage('png', 640, 480)
  // Every reader post here comes from the same in-process client; the comment rate limit is tested elsewhere.
  await payload.updateGlobal({
    slug: 'comment-settings',
    data: { rateLimitPerMinute: 0, rateLimitPerHour: 0 },
    ...system,
  })
  publishedArticleId = (
    await payload.create({
      collection: 'articles',
      data: articleData({
        title: 'Veröffentlicht',
        _status: 'published',
        authors: [newsroom.author.id],
      }),
      ...system,
    })
  ).id
})
afterAll(async () => ctx?.close())

describe.each(Object.keys(MATRIX))('%s', (collection) => {
  const slug = collection as CollectionSlug
  describe.each(CHANNELS)('via %s', (channel) => {
    it.each(ROLES)('create as %s', async (role) => {
      const expected = MATRIX[collection].create[role]
      let outcome
      if (collection === 'images') {
        outcome = await createImage(channel, actorFor(role))
        if (outcome === 'unsupported') return
      } else {
        outcome = await clientFor(payload, channel, actorFor(role)).create(
          slug,
          createData[collection](),
        )
      }
      expect(outcome.ok, JSON.stringify(outcome)).toBe(expected)
      if (!expected) expect([401, 403]).toContain(outcome.status)
    })

    it.each(ROLES)('read as %s', async (role) => {
      const id = await makers[collection]()
      const outcome = await clientFor(payload, channel, actorFor(role)).read(slug, id)
      expect(outcome.ok, JSON.stringify(outcome)).toBe(MATRIX[collection].read[role])
      if (outcome.ok) expect(outcome.doc.id).toBe(id)
    })

    it.each(ROLES)('update as %s', async (role) => {
      const id = await makers[collection]()
      const outcome = await clientFor(payload, channel, actorFor(role)).update(
        slug,
        id,
        updateData[collection],
      )
      const expected = MATRIX[collection].update[role]
      expect(outcome.ok, JSON.stringify(outcome)).toBe(expected)
      const stored: any = await payload.findByID({ collection: slug, id, ...system, draft: true })
      const [field, value] = Object.entries(updateData[collection])[0]
      expect(stored[field] === value).toBe(expected)
    })

    it.each(ROLES)('delete as %s', async (role) => {
      const id = await makers[collection]()
      const outcome = await clientFor(payload, channel, actorFor(role)).remove(slug, id)
      const expected = MATRIX[collection].delete[role]
      expect(outcome.ok, JSON.stringify(outcome)).toBe(expected)
      const { totalDocs } = await payload.count({
        collection: slug,
        where: { id: { equals: id } },
        overrideAccess: true,
      })
      expect(totalDocs).toBe(expected ? 0 : 1)
    })
  })
})

async function createImage(channel: (typeof CHANNELS)[number], actor: Actor) {
  const fields = {
    alt: 'Hochgeladen',
    credit: { license: 'cc-by-4.0', author: 'Jane Doe', provider: 'Wikimedia Commons' },
  }
  if (channel === 'local') {
    return payload
      .create({
        collection: 'images',
        data: fields as any,
        file: imageFile(png, `neu-${uid()}.png`, 'image/png'),
        overrideAccess: false,
        user: actor ? { ...actor, collection: 'users' } : null,
      })
      .then(
        (doc) => ({ ok: true, status: 201, doc }),
        (error) => ({ ok: false, status: error.status }),
      )
  }
  if (channel === 'rest') {
    const { status, body } = await rest('POST', 'images', {
      token: actor?.token,
      formData: uploadForm(png, `neu-${uid()}.png`, 'image/png', fields),
    })
    return { ok: status === 201, status, doc: body.doc }
  }
  // GraphQL has no file upload; images are created through REST or the Local API.
  return 'unsupported' as const
}

describe('authors and their own articles', () => {
  it.each(CHANNELS)('an author edits and deletes their own draft via %s', async (channel) => {
    const client = clientFor(payload, channel, newsroom.author)
    const created = await client.create('articles', articleData({ title: `Mein Entwurf ${uid()}` }))
    expect(created.ok, JSON.stringify(created)).toBe(true)
    const updated = await client.update('articles', created.doc.id, {
      title: 'Mein besserer Entwurf',
    })
    expect(updated.ok, JSON.stringify(updated)).toBe(true)
    expect((await client.remove('articles', created.doc.id)).ok).toBe(true)
  })

  it.each(CHANNELS)('an author cannot delete their published article via %s', async (channel) => {
    const outcome = await clientFor(payload, channel, newsroom.author).remove(
      'articles',
      publishedArticleId,
    )
    expect(outcome.ok).toBe(false)
    expect(
      await payload.count({
        collection: 'articles',
        where: { id: { equals: publishedArticleId } },
      }),
    ).toEqual({ totalDocs: 1 })
  })
})

describe('users', () => {
  it.each(CHANNELS)(
    'a user edits their own name but never their own role via %s',
    async (channel) => {
      const person = await payload.create({
        collection: 'users',
        data: {
          email: `self${uid()}@newsroom.test`,
          password: PASSWORD,
          name: 'Selbst',
          role: 'author',
        },
        ...system,
      })
      const { token } = await payload.login({
        collection: 'users',
        data: { email: person.email, password: PASSWORD },
      })
      const client = clientFor(payload, channel, { ...person, token: token! })
      expect((await client.update('users', person.id, { name: 'Selbst Neu' })).ok).toBe(true)
      const escalation = await client.update('users', person.id, { role: 'admin' })
      expect(escalation.ok).toBe(false)
      expect(escalation.status).toBe(403)
      const stored = await payload.findByID({ collection: 'users', id: person.id, ...system })
      expect(stored).toMatchObject({ name: 'Selbst Neu', role: 'author' })
    },
  )

  it('an admin changes roles', async () => {
    const person = await makers.users()
    const outcome = await clientFor(payload, 'rest', newsroom.admin).update('users', person, {
      role: 'editor',
    })
    expect(outcome.ok).toBe(true)
    expect((await payload.findByID({ collection: 'users', id: person, ...system })).role).toBe(
      'editor',
    )
  })

  it('the last admin can be neither demoted nor deleted', async () => {
    const admins = await payload.find({
      collection: 'users',
      where: { role: { equals: 'admin' } },
      ...system,
    })
    expect(admins.totalDocs).toBe(1)
    const demotion = await clientFor(payload, 'rest', newsroom.admin).update(
      'users',
      newsroom.admin.id,
      { role: 'editor' },
    )
    expect(demotion.status).toBe(400)
    const deletion = await clientFor(payload, 'rest', newsroom.admin).remove(
      'users',
      newsroom.admin.id,
    )
    expect(deletion.ok).toBe(false)
    expect(
      (await payload.findByID({ collection: 'users', id: newsroom.admin.id, ...system })).role,
    ).toBe('admin')
  })
})

describe('reading published content', () => {
  it.each(CHANNELS)(
    'anonymous readers read published articles, sources and images via %s',
    async (channel) => {
      const client = clientFor(payload, channel, null)
      expect((await client.read('articles', publishedArticleId)).ok).toBe(true)
      expect((await client.read('sources', await makers.sources())).ok).toBe(true)
      expect((await client.read('images', await makers.images())).ok).toBe(true)
    },
  )

  it('users are not readable anonymously through the list either', async () => {
    const { status } = await rest('GET', 'users')
    expect(status).toBe(403)
  })

  it('content of a draft keeps the lexical body intact', async () => {
    const doc = await payload.findByID({
      collection: 'articles',
      id: publishedArticleId,
      ...system,
    })
    expect(doc.content).toEqual(lexical('Erster Absatz des Artikels.', 'Zweiter Absatz.'))
  })
})
