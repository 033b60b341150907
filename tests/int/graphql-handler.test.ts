import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { GRAPHQL_MAX_COMPLEXITY } from '@payload-config'
import { graphql, rest } from '../helpers/api'
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
    data: {
      alt: 'Hafen bei Nacht',
      credit: { author: 'Elionas2', license: 'cc0', provider: 'Pixabay' },
    },
    file: imageFile(await makeImage('jpeg'), 'hafen.jpg', 'image/jpeg'),
    ...system,
  })
  ids.image = image.id
  ids.source = (
    await payload.create({
      collection: 'sources',
      data: { name: 'The Associated Press', kind: 'agency' },
      ...system,
    })
  ).id
  const article = (title: string, commentsEnabled: boolean) =>
    payload.create({
      collection: 'articles',
      data: {
        title,
        content: lexical(`${title}: Absatz.`),
        heroImage: ids.image,
        sources: [ids.source],
        commentsEnabled,
        _status: 'published',
        publishedAt: new Date().toISOString(),
      },
      ...system,
    })
  ids.open = (await article('Kommentare offen', true)).id
  ids.closed = (await article('Kommentare geschlossen', false)).id
})
afterAll(async () => ctx?.close())

describe('select by default', () => {
  it('computed fields still get their inputs when a query asks only for them', async () => {
    const { body } = await graphql(`
      {
        Articles(sort: "title") {
          docs {
            id
            commentsOpen
          }
        }
      }
    `)
    expect(body.errors).toBeUndefined()
    expect(body.data.Articles.docs).toEqual([
      { id: ids.closed, commentsOpen: false },
      { id: ids.open, commentsOpen: true },
    ])
    const { body: one } = await graphql(
      `
        query ($id: String!) {
          Article(id: $id) {
            commentsOpen
          }
        }
      `,
      { id: ids.open },
    )
    expect(one.data.Article.commentsOpen).toBe(true)
  })

  it('answers the same with select on (default) and off', async () => {
    const fields = `id title slug publishedAt content commentsOpen
      heroImage { alt creditLine credit { author license provider } url sizes { hero { url width } } }
      sources { name slug }`
    const selected = await graphql(`{ Articles(sort: "title") { docs { ${fields} } totalDocs } }`)
    const unselected = await graphql(
      `{ Articles(sort: "title", select: false) { docs { ${fields} } totalDocs } }`,
    )
    expect(selected.body.errors).toBeUndefined()
    expect(selected.body).toEqual(unselected.body)
    const [closed] = selected.body.data.Articles.docs
    expect(closed.heroImage.url).toMatch(/\/hafen.*\.jpg$/)
    expect(closed.heroImage.sizes.hero.url).toMatch(/\/hafen-.*\.jpg$/)
    expect(closed.heroImage.creditLine).toBe('Elionas2 (CC0), Pixabay')
    expect(closed.sources).toEqual([{ name: 'The Associated Press', slug: 'the-associated-press' }])
    expect(selected.body.data.Articles.totalDocs).toBe(2)
  })

  it('answers a field asked twice (directly and through a fragment) in full', async () => {
    // Payload's selection builder kept only one of the two `docs`: Image.alt went unread (500).
    const query = `{ Images { docs { filesize ...F0 } ...F1 } Articles(sort: "title") {
        docs { heroImage { alt } ...A } } }
      fragment F0 on Image { alt width }
      fragment F1 on Images { docs { thumbnailURL focalY } offset }
      fragment A on Article { title heroImage { creditLine } }`
    const { body } = await graphql(query)
    expect(body.errors).toBeUndefined()
    const [image] = body.data.Images.docs
    expect(image).toMatchObject({ alt: 'Hafen bei Nacht', width: expect.any(Number) })
    expect(image.filesize).toBeGreaterThan(0)
    expect(body.data.Articles.docs[0]).toEqual({
      title: 'Kommentare geschlossen',
      heroImage: { alt: 'Hafen bei Nacht', creditLine: 'Elionas2 (CC0), Pixabay' },
    })
  })

  it('leaves mutations as they were (the whole document is returned)', async () => {
    const { body } = await graphql(
      `
        mutation ($id: String!) {
          updateArticle(id: $id, data: { excerpt: "Neuer Vorspann" }) {
            excerpt
            title
            commentsOpen
          }
        }
      `,
      { id: ids.open },
      { token: newsroom.editor.token },
    )
    expect(body.errors).toBeUndefined()
    expect(body.data.updateArticle).toEqual({
      excerpt: 'Neuer Vorspann',
      title: 'Kommentare offen',
      commentsOpen: true,
    })
  })

  it('still hides what readers may not read when a select names it', async () => {
    const { body } = await graphql(`
      {
        Users {
          docs {
            email
          }
        }
      }
    `)
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
      const { body } = await graphql(`
        {
          Articles {
            docs {
              title
              nichtVorhanden
            }
          }
        }
      `)
      expect(body.data).toBeUndefined()
      expect(body.errors?.[0]?.message).toMatch(/Cannot query field "nichtVorhanden"/)
    }
  })

  it('the complexity limit is checked with each request’s own variables', async () => {
    // Same text: accepted while the heavy part is skipped, refused once a variable includes it.
    const heavy = Array.from(
      { length: 60 },
      (_, i) => `a${i}: Articles(limit: 100) { docs { heroImage { url } sources { name } } }`,
    ).join(' ')
    const query = `query($heavy: Boolean!) { Articles { docs { title } } ... @include(if: $heavy) { ${heavy} } }`
    const light = await graphql(query, { heavy: false })
    expect(light.body.errors).toBeUndefined()
    expect(light.body.data.Articles.docs).toHaveLength(2)
    const refused = await graphql(query, { heavy: true })
    expect(refused.body.data ?? undefined).toBeUndefined()
    const messages = (refused.body.errors ?? [])
      .map((error: { message: string }) => error.message)
      .join('\n')
    expect(messages).toMatch(
      new RegExp(`exceeds the maximum complexity of ${GRAPHQL_MAX_COMPLEXITY}`),
    )
    const lightAgain = await graphql(query, { heavy: false })
    expect(lightAgain.body.errors).toBeUndefined()
  })

  it('a kept document answers with each request’s own variables and rights', async () => {
    const query = `query($id: String!) { Article(id: $id, draft: true) { title } }`
    await payload.update({
      collection: 'articles',
      id: ids.closed,
      data: { title: 'Neuer Entwurf' },
      draft: true,
      ...system,
    })
    const anonymous = await graphql(query, { id: ids.closed })
    const editor = await graphql(query, { id: ids.closed }, { token: newsroom.editor.token })
    const other = await graphql(query, { id: ids.open })
    expect(anonymous.body.data.Article.title).toBe('Kommentare geschlossen')
    expect(editor.body.data.Article.title).toBe('Neuer Entwurf')
    expect(other.body.data.Article.title).toBe('Kommentare offen')
  })
})

describe('page size for readers', () => {
  it('refuses lists of "everything" or over the maximum from outside the newsroom, literal or variable', async () => {
    for (const [query, variables] of [
      ['{ Articles(limit: 0) { docs { title } } }', {}],
      ['{ Articles(limit: 5001) { docs { title } } }', {}],
      ['{ Articles(pagination: false) { docs { title } } }', {}],
      ['query($n: Int) { Comments(limit: $n) { docs { body } } }', { n: 0 }],
      ['query($n: Int) { Sources(limit: $n) { docs { name } } }', { n: 100000 }],
    ] as const) {
      const { body } = await graphql(query, variables)
      expect(body.data ?? undefined, query).toBeUndefined()
      expect(body.errors?.[0]?.message, query).toMatch(/Höchstens 5000 Einträge pro Anfrage/)
    }
  })

  it('counts a variable the request leaves out with its declared default, and refuses negative limits', async () => {
    for (const [query, variables] of [
      ['query($n: Int = 0) { Articles(limit: $n) { docs { title } } }', {}],
      ['query($p: Boolean = false) { Articles(pagination: $p) { docs { title } } }', {}],
      [
        'query($n: Int = 0) { ...List } fragment List on Query { Articles(limit: $n) { docs { title } } }',
        {},
      ],
      ['{ Articles(limit: -1) { docs { title } } }', {}],
      ['query($n: Int) { Sources(limit: $n) { docs { name } } }', { n: -1 }],
    ] as const) {
      const { body } = await graphql(query, variables)
      expect(body.data ?? undefined, query).toBeUndefined()
      expect(body.errors?.[0]?.message, query).toMatch(
        /Höchstens 5000 Einträge pro Anfrage|„limit“ muss eine ganze Zahl von 1 bis 5000 sein/,
      )
    }
    const given = await graphql('query($n: Int = 0) { Articles(limit: $n) { docs { title } } }', {
      n: 1,
    })
    expect(given.body.errors).toBeUndefined()
    expect(given.body.data.Articles.docs).toHaveLength(1)
  })

  it('allows the site’s sizes to readers and everything to the newsroom', async () => {
    const reader = await graphql('query($n: Int) { Articles(limit: $n) { docs { title } } }', {
      n: 5000,
    })
    expect(reader.body.data.Articles.docs).toHaveLength(2)
    const editor = await graphql(
      '{ Articles(limit: 0) { docs { title } } }',
      {},
      { token: newsroom.editor.token },
    )
    expect(editor.body.errors).toBeUndefined()
    expect(editor.body.data.Articles.docs).toHaveLength(2)
  })

  it('the same over REST, while relationships are still populated', async () => {
    for (const path of [
      'articles?limit=0',
      'articles?limit=5001',
      'comments?pagination=false',
      'images?limit=0',
      'sources?limit=0',
    ]) {
      const { status, body } = await rest('GET', path)
      expect(status, path).toBe(400)
      expect(body.errors[0].message, path).toMatch(/Höchstens 5000 Einträge pro Anfrage/)
    }
    const { status, body } = await rest('GET', 'articles?limit=5000&depth=2&sort=title')
    expect(status).toBe(200)
    expect(body.docs[0].heroImage.alt).toBe('Hafen bei Nacht')
    expect(body.docs[0].sources[0].name).toBe('The Associated Press')
    const editor = await rest('GET', 'articles?limit=0', { token: newsroom.editor.token })
    expect(editor.status).toBe(200)
    expect(editor.body.docs).toHaveLength(2)
  })

  it('REST: negative or fractional limits and pages are a 400 with a message, for everyone', async () => {
    for (const path of ['articles?limit=-1', 'articles?limit=0.5', 'sources?limit=-3']) {
      const { status, body } = await rest('GET', path)
      expect(status, path).toBe(400)
      expect(body.errors[0].message, path).toMatch(/„limit“ muss eine ganze Zahl/)
    }
    for (const path of [
      'articles?limit=0.5',
      'images?limit=-1',
      'users?limit=0.5',
      'comments?page=1.25',
      'articles?page=0',
      'users?page=-2',
    ]) {
      const { status, body } = await rest('GET', path, { token: newsroom.editor.token })
      expect(status, path).toBe(400)
      expect(body.errors[0].message, path).toMatch(
        /„(limit|page)“ muss eine ganze Zahl von [01] bis/,
      )
    }
    for (const path of ['articles?limit=Infinity', 'articles?page=1e300'])
      expect((await rest('GET', path)).status, path).toBe(400)
    // The editor is signed in all along: the check leaves Payload's own read of the token's user alone.
    const whole = await rest('GET', 'users?limit=2&page=1', { token: newsroom.editor.token })
    expect(whole.status).toBe(200)
    const me = await rest('GET', 'users/me', { token: newsroom.editor.token })
    expect(me.body.user?.email).toBe(newsroom.editor.email)
    const write = await rest('PATCH', `users/${newsroom.editor.id}?page=0`, {
      token: newsroom.editor.token,
      body: { name: 'Eda Editorin' },
    })
    expect(write.status).toBe(200)
  })
})

describe('lists that ask only for docs (not counted)', () => {
  beforeAll(async () => {
    for (let day = 1; day <= 4; day++) {
      await payload.create({
        collection: 'articles',
        data: {
          title: `Liste ${day}`,
          content: lexical(`Liste ${day}.`),
          _status: 'published',
          publishedAt: new Date(Date.UTC(2020, 0, day)).toISOString(),
        },
        ...system,
      })
    }
    await payload.create({
      collection: 'articles',
      data: { title: 'Liste Entwurf', content: lexical('Entwurf.'), _status: 'draft' },
      ...system,
    })
  })

  it('return the same documents in the same order as the counted query, never more than the limit', async () => {
    for (const args of [
      'sort: "publishedAt", limit: 3',
      'where: { title: { like: "Liste" } }, sort: "-publishedAt", limit: 2, page: 1',
    ]) {
      const docsOnly = await graphql(`{ Articles(${args}) { docs { id title } } }`)
      const counted = await graphql(
        `{ Articles(${args}) { docs { id title } totalDocs hasNextPage } }`,
      )
      expect(docsOnly.body.errors, args).toBeUndefined()
      expect(docsOnly.body.data.Articles.docs, args).toEqual(counted.body.data.Articles.docs)
      expect(counted.body.data.Articles.hasNextPage, args).toBe(true)
    }
    const { body } = await graphql('{ Articles(sort: "publishedAt", limit: 3) { docs { title } } }')
    expect(body.data.Articles.docs.map((doc: { title: string }) => doc.title)).toEqual([
      'Liste 1',
      'Liste 2',
      'Liste 3',
    ])
    const counted = await graphql(
      '{ Articles(where: { title: { like: "Liste" } }, limit: 2) { docs { title } totalDocs totalPages } }',
    )
    expect(counted.body.data.Articles).toMatchObject({ totalDocs: 4, totalPages: 2 })
  })

  it('still page and hide drafts from readers', async () => {
    const { body } = await graphql(
      '{ Articles(where: { title: { like: "Liste" } }, sort: "publishedAt", limit: 3, page: 2) { docs { title } } }',
    )
    expect(body.data.Articles.docs).toEqual([{ title: 'Liste 4' }])
    const all = await graphql(
      '{ Articles(where: { title: { like: "Liste" } }, limit: 10) { docs { title } } }',
    )
    expect(all.body.data.Articles.docs.map((doc: { title: string }) => doc.title).sort()).toEqual([
      'Liste 1',
      'Liste 2',
      'Liste 3',
      'Liste 4',
    ])
  })
})

describe('Payload bugs the handler works around', () => {
  it('docAccess of a global answers (found by tests/int/fuzz.test.ts; Payload 3.90 failed with 500)', async () => {
    for (const token of [undefined, newsroom.author.token, newsroom.editor.token]) {
      const { status, body } = await graphql(
        '{ docAccessCommentSettings { fields { __typename } } }',
        {},
        { token },
      )
      expect(status).toBe(200)
      expect(body.errors).toBeUndefined()
      expect(body.data.docAccessCommentSettings).toEqual({
        fields: { __typename: 'CommentSettingsDocAccessFields' },
      })
    }
  })

  it('denied permissions are false, not a 500 (found by tests/int/fuzz.test.ts)', async () => {
    const query =
      '{ Access { canAccessAdmin sources { read { permission } create { permission } } } }'
    const anonymous = await graphql(query)
    expect(anonymous.body.errors).toBeUndefined()
    // A denied operation is left out entirely by Payload (null), a granted one is `true`.
    expect(anonymous.body.data.Access).toEqual({
      canAccessAdmin: false,
      sources: { read: { permission: true }, create: null },
    })
    const editor = await graphql(query, {}, { token: newsroom.editor.token })
    expect(editor.body.errors).toBeUndefined()
    expect(editor.body.data.Access).toEqual({
      canAccessAdmin: true,
      sources: { read: { permission: true }, create: { permission: true } },
    })
  })
})
