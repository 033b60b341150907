/** The seed importer's key is internal: editors and admins read it, authors and readers do not. */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Articles } from '@/collections/Articles'
import { Images } from '@/collections/Images'
import { graphql, rest } from '../helpers/api'
import { articleData, createNewsroom, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'
import { imageFile, makeImage } from '../helpers/images'

let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
let articleId: string
let imageId: string

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  const image = await payload.create({
    collection: 'images',
    overrideAccess: true,
    data: { alt: 'Bild', credit: { license: 'cc0' }, importKey: 'key-image' },
    file: imageFile(await makeImage('png', 40, 30), 'key.png', 'image/png'),
  })
  imageId = image.id
  const article = await payload.create({
    collection: 'articles',
    overrideAccess: true,
    data: articleData({
      title: 'Importiert',
      authors: [newsroom.author.id],
      importKey: 'key-article',
    }),
  })
  articleId = article.id
})
afterAll(async () => ctx?.close())

describe('importKey', () => {
  it('is labelled "Import-Schlüssel" in the admin', () => {
    for (const { fields } of [Articles, Images]) {
      const field = fields.find((f) => 'name' in f && f.name === 'importKey')
      expect(field && 'label' in field ? field.label : undefined).toMatchObject({
        de: 'Import-Schlüssel',
      })
    }
  })

  it('editors read it (REST and GraphQL)', async () => {
    const response = await rest('GET', `articles/${articleId}?draft=true`, {
      token: newsroom.editor.token,
    })
    expect(response.body.importKey).toBe('key-article')
    const image = await rest('GET', `images/${imageId}`, { token: newsroom.editor.token })
    expect(image.body.importKey).toBe('key-image')
    const viaGraphql = await graphql(
      `
        query ($id: String!) {
          Article(id: $id, draft: true) {
            importKey
          }
        }
      `,
      { id: articleId },
      { token: newsroom.editor.token },
    )
    expect(viaGraphql.body.data?.Article).toEqual({ importKey: 'key-article' })
  })

  it('authors do not see it on their own article (REST, GraphQL, Local API)', async () => {
    const response = await rest('GET', `articles/${articleId}?draft=true`, {
      token: newsroom.author.token,
    })
    expect(response.status).toBe(200)
    expect(response.body.title).toBe('Importiert')
    expect(response.body).not.toHaveProperty('importKey')
    const viaGraphql = await graphql(
      `
        query ($id: String!) {
          Article(id: $id, draft: true) {
            title
            importKey
          }
        }
      `,
      { id: articleId },
      { token: newsroom.author.token },
    )
    expect(viaGraphql.body.data?.Article).toEqual({ title: 'Importiert', importKey: null })
    const local = await payload.findByID({
      collection: 'articles',
      id: articleId,
      draft: true,
      overrideAccess: false,
      user: newsroom.author,
    })
    expect(local).not.toHaveProperty('importKey')
  })

  it('readers do not see it on a picture', async () => {
    const response = await rest('GET', `images/${imageId}`)
    expect(response.status).toBe(200)
    expect(response.body).not.toHaveProperty('importKey')
  })
})
