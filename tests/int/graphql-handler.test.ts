import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { GRAPHQL_MAX_COMPLEXITY } from '@payload-config'
import { graphql } from '../helpers/api'
import { createNewsroom, lexical, type Newsroom } from '../helpers/fixtures'
import { imageFile, makeImage } from '../helpers/images'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * The `/api/graphql` route (src/lib/graphql/handler.ts): `select` on by default must not change
 * any answer, and kept documents/validation must not let a request skip a check that depends on
 * its own variables or text.
 */
let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
const system = { overrideAccess: true, depth: 0 } as const
const ids: Record<'open' | 'closed' | 'image' | 'source', string> = {} as never

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  const image = await payload.create({
    collection: 'images',
    data: { alt: 'Hafen bei Nacht', credit: { author: 'Elionas2', license: 'cc0', provider: 'Pixabay' } },
    file: imageFile(await makeImage('jpeg'), 'hafen.jpg', 'image/jpeg'),
    ...system,
  })
  ids.image = image.id
  ids.source = (await payload.create({ collection: 'sources', data: { name: 'The Associated Press', kind: 'agency' }, ...system })).id
  const article = (title: string, commentsEnabled: boolean) =>
    payload.create({
      collection: 'articles',
      data: { title, content: lexical(`${title}: Absatz.`), heroImage: ids.image, sources: [ids.source], commentsEnabled, _status: 'published', publishedAt: new Date().toISOString() },
      ...system,
    })
  ids.open = (await article('Kommentare offen', true)).id
  ids.closed = (await article('Kommentare geschlossen', false)).id
})
afterAll(async () => ctx?.close())

describe('select by default', () => {
  it('computed fields still get their inputs when a query asks only for them', async () => {
    const { body } = await graphql(`{ Articles(sort: "title") { docs { id commentsOpen } } }`)
    expect(body.errors).toBeUndefined()
    expect(body.data.Articles.docs).toEqual([
      { id: ids.closed, commentsOpen: false },
      { id: ids.open, commentsOpen: true },
    ])
    const { body: one } = await graphql(`query($id: String!) { Article(id: $id) { commentsOpen } }`, { id: ids.open })
    expect(one.data.Article.commentsOpen).toBe(true)
  })

  it('answers the same with select on (default) and off', async () => {
    const fields = `id title slug publishedAt content commentsOpen
      heroImage { alt creditLine credit { author license provider } url sizes { hero { url width } } }
      sources { name slug }`
    const selected = await graphql(`{ Articles(sort: "title") { docs { ${fields} } totalDocs } }`)
    const unselected = await graphql(`{ Articles(sort: "title", select: false) { docs { ${fields} } totalDocs } }`)
    expect(selected.body.errors).toBeUndefined()
    expect(selected.body).toEqual(unselected.body)
    const [closed] = selected.body.data.Articles.docs
    expect(closed.heroImage.url).toMatch(/\/hafen.*\.jpg$/)
    expect(closed.heroImage.sizes.hero.url).toMatch(/\/hafen-.*\.jpg$/)
    expect(closed.heroImage.creditLine).toBe('Elionas2 (CC0), Pixabay')
    expect(closed.sources).toEqual([{ name: 'The Associated Press', slug: 'the-associated-press' }])
    expect(selected.body.data.Articles.totalDocs).toBe(2)
  })

  it('leaves mutations as they were (the whole document is returned)', async () => {
    const { body } = await graphql(
      `mutation($id: String!) { updateArticle(id: $id, data: { excerpt: "Neuer Vorspann" }) { excerpt title commentsOpen } }`,
      { id: ids.open },
      { token: newsroom.editor.token },
    )
    expect(body.errors).toBeUndefined()
    expect(body.data.updateArticle).toEqual({ excerpt: 'Neuer Vorspann', title: 'Kommentare offen', commentsOpen: true })
  })

  it('still hides what readers may not read when a select names it', async () => {
    const { body } = await graphql(`{ Users { docs { email } } }`)
    expect(body.data?.Users?.docs ?? []).toEqual([])
  })
})

describe('kept documents and validation', () => {
  it('a query text with a syntax error is refused every time', async () => {
    for (let i = 0; i < 2; i++) {
      const { status, body } = await graphql(`{ Articles { docs { title } }`)
      expect([200, 400]).toContain(status)
      expect(body.data).toBeUndefined()
      expect(body.errors?.[0]?.message).toMatch(/Syntax Error/)
    }
  })

  it('an invalid document is refused every time', async () => {
    for (let i = 0; i < 2; i++) {
      const { body } = await graphql(`{ Articles { docs { title nichtVorhanden } } }`)
      expect(body.data).toBeUndefined()
      expect(body.errors?.[0]?.message).toMatch(/Cannot query field "nichtVorhanden"/)
    }
  })

  it('the complexity limit is checked with each request’s own variables', async () => {
    // Same text: accepted while the heavy part is skipped, refused once a variable includes it.
    const heavy = Array.from({ length: 60 }, (_, i) => `a${i}: Articles(limit: 100) { docs { heroImage { url } sources { name } } }`).join(' ')
    const query = `query($heavy: Boolean!) { Articles { docs { title } } ... @include(if: $heavy) { ${heavy} } }`
    const light = await graphql(query, { heavy: false })
    expect(light.body.errors).toBeUndefined()
    expect(light.body.data.Articles.docs).toHaveLength(2)
    const refused = await graphql(query, { heavy: true })
    expect(refused.body.data ?? undefined).toBeUndefined()
    expect(refused.body.errors?.[0]?.message).toMatch(new RegExp(`exceeds the maximum complexity of ${GRAPHQL_MAX_COMPLEXITY}`))
    const lightAgain = await graphql(query, { heavy: false })
    expect(lightAgain.body.errors).toBeUndefined()
  })

  it('a kept document answers with each request’s own variables and rights', async () => {
    const query = `query($id: String!) { Article(id: $id, draft: true) { title } }`
    await payload.update({ collection: 'articles', id: ids.closed, data: { title: 'Neuer Entwurf' }, draft: true, ...system })
    const anonymous = await graphql(query, { id: ids.closed })
    const editor = await graphql(query, { id: ids.closed }, { token: newsroom.editor.token })
    const other = await graphql(query, { id: ids.open })
    expect(anonymous.body.data.Article.title).toBe('Kommentare geschlossen')
    expect(editor.body.data.Article.title).toBe('Neuer Entwurf')
    expect(other.body.data.Article.title).toBe('Kommentare offen')
  })
})
