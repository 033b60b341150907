import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, rest } from '../helpers/api'
import { articleData, createNewsroom, PASSWORD, type Newsroom } from '../helpers/fixtures'
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

const count = async (collection: 'articles' | 'sources' | 'users') =>
  (await payload.count({ collection, overrideAccess: true })).totalDocs

describe('select fields take only their options', () => {
  const cases: [
    string,
    'articles' | 'sources' | 'users',
    () => Record<string, unknown>,
    string,
    string,
  ][] = [
    [
      'an article workflow status',
      'articles',
      () => articleData({ workflowStatus: 'pwned' }),
      'workflowStatus',
      '',
    ],
    ['an article language', 'articles', () => articleData({ language: 'xx' }), 'language', ''],
    [
      'an article language (draft)',
      'articles',
      () => articleData({ language: 'xx' }),
      'language',
      '?draft=true',
    ],
    [
      'a source kind',
      'sources',
      () => ({ name: `Quelle ${Math.random()}`, kind: 'bogus' }),
      'kind',
      '',
    ],
    [
      'a user role',
      'users',
      () => ({
        email: `neu${Date.now()}@newsroom.test`,
        password: PASSWORD,
        name: 'Neu',
        role: 'pwned',
      }),
      'role',
      '',
    ],
  ]

  it.each(cases)(
    '%s outside the options is a 400 over REST and stores nothing',
    async (_label, collection, data, path, query) => {
      const before = await count(collection)
      const { status, body } = await rest('POST', `${collection}${query}`, {
        token: newsroom.admin.token,
        body: data(),
      })
      expect(status, JSON.stringify(body)).toBe(400)
      expect(body.errors[0].data.errors.map((error: any) => error.path)).toContain(path)
      expect(await count(collection)).toBe(before)
    },
  )

  it('an update of an existing draft with an unknown language is a 400 too', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData(),
      overrideAccess: true,
    })
    const { status } = await rest('PATCH', `articles/${article.id}?draft=true`, {
      token: newsroom.editor.token,
      body: { language: 'xx' },
    })
    expect(status).toBe(400)
    const stored = await payload.findByID({
      collection: 'articles',
      id: article.id,
      draft: true,
      overrideAccess: true,
    })
    expect(stored.language).toBe('de')
  })

  it('GraphQL refuses unknown enum values before anything runs', async () => {
    const { body } = await graphql(
      'mutation { createArticle(data: { title: "x", content: {}, language: xx }) { id } }',
      {},
      { token: newsroom.editor.token },
    )
    expect(body.errors?.[0]?.message).toBeTruthy()
  })

  it('valid values still pass', async () => {
    const { status, body } = await rest('POST', 'articles', {
      token: newsroom.editor.token,
      body: articleData({ language: 'en', workflowStatus: 'approved' }),
    })
    expect(status, JSON.stringify(body)).toBe(201)
  })
})
