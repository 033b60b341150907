import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, rest } from '../helpers/api'
import { articleData, createNewsroom, lexical, PASSWORD, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'
import { formToken, nextIp, postComment } from './comments-helpers'

let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
let articleId: string

const NUL = 'a\u0000b'
const system = { overrideAccess: true, depth: 0 } as const

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  articleId = (
    await payload.create({
      collection: 'articles',
      data: articleData({ title: 'Kommentierbar', _status: 'published' }),
      ...system,
    })
  ).id
})
afterAll(async () => ctx?.close())

type Slug = 'articles' | 'sources' | 'users'
const count = async (collection: Slug) => (await payload.count({ collection, ...system })).totalDocs

const CREATES: [string, Slug, () => Record<string, unknown>, string][] = [
  ['an article title', 'articles', () => articleData({ title: NUL }), 'title'],
  ['an article dateline', 'articles', () => articleData({ dateline: NUL }), 'dateline'],
  ['an article excerpt', 'articles', () => articleData({ excerpt: NUL }), 'excerpt'],
  [
    'an article body (Lexical text node)',
    'articles',
    () => articleData({ content: lexical('Erster Absatz.', NUL) }),
    'content',
  ],
  [
    'an editorial note',
    'articles',
    () => articleData({ editorialNotes: [{ text: NUL }] }),
    'editorialNotes.0.text',
  ],
  ['a source name', 'sources', () => ({ name: NUL }), 'name'],
  [
    'a user name',
    'users',
    () => ({
      email: `nul${Date.now()}@newsroom.test`,
      password: PASSWORD,
      name: NUL,
      role: 'author',
    }),
    'name',
  ],
]

describe('a NUL byte in text is refused, never cut off', () => {
  it.each(CREATES)(
    'in %s: 400 over REST with a message, nothing stored',
    async (_label, collection, data, path) => {
      const before = await count(collection)
      const { status, body } = await rest('POST', collection, {
        token: newsroom.admin.token,
        body: data(),
      })
      expect(status, JSON.stringify(body)).toBe(400)
      const error = body.errors[0].data.errors.find((entry: any) => entry.path === path)
      expect(error?.message).toMatch(/Steuerzeichen/)
      expect(await count(collection)).toBe(before)
    },
  )

  it('also in a draft save and an update', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData({ title: 'Sauber' }),
      ...system,
    })
    for (const query of ['?draft=true', '']) {
      const { status } = await rest('PATCH', `articles/${article.id}${query}`, {
        token: newsroom.editor.token,
        body: { title: NUL },
      })
      expect(status).toBe(400)
    }
    const stored = await payload.findByID({
      collection: 'articles',
      id: article.id,
      draft: true,
      ...system,
    })
    expect(stored.title).toBe('Sauber')
  })

  it('over GraphQL', async () => {
    const before = await count('articles')
    const { body } = await graphql(
      'mutation ($data: mutationArticleInput!) { createArticle(data: $data) { id title } }',
      { data: articleData({ title: NUL }) },
      { token: newsroom.editor.token },
    )
    expect(body.errors?.[0]?.message).toBeTruthy()
    expect(await count('articles')).toBe(before)
  })

  it('through the Local API with access control', async () => {
    await expect(
      payload.create({
        collection: 'sources',
        data: { name: NUL },
        overrideAccess: false,
        user: { ...newsroom.editor, collection: 'users' },
      }),
    ).rejects.toMatchObject({ status: 400 })
  })

  it('in a reader comment: the comment policy strips control characters, the rest stays', async () => {
    const outcome = await postComment(
      payload,
      'rest',
      {
        article: articleId,
        authorName: 'Lea',
        authorEmail: 'lea@example.org',
        body: `Ein Kommentar ${NUL}`,
        formToken: formToken(),
      },
      { peer: nextIp() },
    )
    expect(outcome.status).toBe(201)
    const stored = await payload.findByID({ collection: 'comments', id: outcome.doc.id, ...system })
    expect(stored.body).toBe('Ein Kommentar ab')
  })

  it('in a comment an editor changes', async () => {
    const comment = await payload.find({ collection: 'comments', ...system, limit: 1 })
    const { status } = await rest('PATCH', `comments/${comment.docs[0].id}`, {
      token: newsroom.editor.token,
      body: { body: NUL },
    })
    expect(status).toBe(400)
  })

  it('in the comment settings', async () => {
    const { status } = await rest('POST', 'globals/comment-settings', {
      token: newsroom.admin.token,
      body: { blockList: NUL },
    })
    expect(status).toBe(400)
  })

  it('text without NUL is stored unchanged', async () => {
    const { status, body } = await rest('POST', 'sources', {
      token: newsroom.editor.token,
      body: { name: 'Quelle mit Ümlaut\tund Tab' },
    })
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.doc.name).toBe('Quelle mit Ümlaut\tund Tab')
  })
})
