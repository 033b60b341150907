/** The byline readers get: the article's authors' names, nothing else about them. */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, rest } from '../helpers/api'
import { articleData, createNewsroom, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
let slug: string

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  const article = await payload.create({
    collection: 'articles',
    overrideAccess: true,
    data: articleData({
      title: 'Mit Autoren',
      _status: 'published',
      authors: [newsroom.otherAuthor.id, newsroom.author.id],
    }),
  })
  slug = article.slug!
})
afterAll(async () => ctx?.close())

describe('byline', () => {
  it('REST gives readers the names in the authors’ order, never their accounts', async () => {
    const response = await rest('GET', `articles?where[slug][equals]=${slug}&depth=1`)
    expect(response.status).toBe(200)
    const [doc] = response.body.docs
    expect(doc.byline).toEqual(['Otto Autor', 'Anna Autorin'])
    expect(JSON.stringify(doc)).not.toContain('@newsroom.test')
  })

  it('GraphQL lists give every article its own byline', async () => {
    await payload.create({
      collection: 'articles',
      overrideAccess: true,
      data: articleData({ title: 'Ohne Autoren', _status: 'published' }),
    })
    const { body } = await graphql(`
      {
        Articles(sort: "title") {
          docs {
            title
            byline
          }
        }
      }
    `)
    expect(body.errors).toBeUndefined()
    expect(body.data.Articles.docs).toEqual([
      { title: 'Mit Autoren', byline: ['Otto Autor', 'Anna Autorin'] },
      { title: 'Ohne Autoren', byline: [] },
    ])
  })

  it('readers cannot filter by it (a 400, not a server error)', async () => {
    const response = await rest('GET', 'articles?where[byline][equals]=Otto%20Autor')
    expect(response.status).toBe(400)
  })
})
