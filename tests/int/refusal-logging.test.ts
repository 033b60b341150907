/**
 * An expected refusal (an author may not publish, a comment without a valid e-mail address) is
 * one INFO line with its message in the log, not an ERROR with a stack; errors stay errors.
 */
import type { Payload } from 'payload'
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
  type MockInstance,
} from 'vitest'

import { graphql, rest } from '../helpers/api'
import { articleData, createNewsroom, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
let error: MockInstance
let info: MockInstance

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  error = vi.spyOn(payload.logger, 'error')
  info = vi.spyOn(payload.logger, 'info')
})
afterAll(async () => ctx?.close())
beforeEach(() => {
  error.mockClear()
  info.mockClear()
})

const infoLines = () => info.mock.calls.map(([line]) => line)

describe('expected refusals in the log', () => {
  it('an author publishing over REST: 403, one INFO line with the message, no ERROR', async () => {
    const response = await rest('POST', 'articles', {
      token: newsroom.author.token,
      body: articleData({ title: 'Darf nicht erscheinen', _status: 'published' }),
    })
    expect(response.status).toBe(403)
    expect(error).not.toHaveBeenCalled()
    expect(infoLines()).toContainEqual({
      msg: 'Autoren dürfen Artikel nicht veröffentlichen; bitte zur Prüfung einreichen.',
    })
  })

  it('an author publishing over GraphQL: the same single INFO line', async () => {
    const response = await graphql(
      `
        mutation ($data: mutationArticleInput!) {
          createArticle(data: $data) {
            id
          }
        }
      `,
      { data: articleData({ title: 'Darf nicht erscheinen', _status: 'published' }) },
      { token: newsroom.author.token },
    )
    expect(response.body.errors?.[0]?.message).toMatch(/nicht veröffentlichen/)
    expect(error).not.toHaveBeenCalled()
    expect(infoLines()).toContainEqual({
      msg: 'Autoren dürfen Artikel nicht veröffentlichen; bitte zur Prüfung einreichen.',
    })
  })

  it('a comment with an invalid e-mail address over GraphQL: INFO, not ERROR', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData({ title: 'Zum Kommentieren', _status: 'published' }),
      overrideAccess: true,
    })
    const response = await graphql(
      `
        mutation ($data: mutationCommentInput!) {
          createComment(data: $data) {
            id
          }
        }
      `,
      {
        data: {
          article: article.id,
          authorName: 'Leser',
          authorEmail: 'kein-at-zeichen',
          body: 'Gut.',
        },
      },
    )
    expect(response.body.errors?.length).toBeGreaterThan(0)
    expect(error).not.toHaveBeenCalled()
    expect(info).toHaveBeenCalled()
  })

  it('a wrong password: INFO, not ERROR', async () => {
    const response = await rest('POST', 'users/login', {
      body: { email: newsroom.editor.email, password: 'falsch-falsch-falsch' },
    })
    expect(response.status).toBe(401)
    expect(error).not.toHaveBeenCalled()
    expect(info).toHaveBeenCalled()
  })
})
