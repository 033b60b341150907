import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, rest } from '../helpers/api'
import { createNewsroom, lexical, type Newsroom } from '../helpers/fixtures'
import { makeImage, uploadForm } from '../helpers/images'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/** Malformed JSON in the places Payload's REST endpoints parse it: 400 with a message, nothing stored. */
let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
})
afterAll(async () => ctx?.close())

describe('malformed JSON over REST', () => {
  it('a `where` parameter that is not JSON is a 400, for readers and the newsroom', async () => {
    for (const token of [undefined, newsroom.editor.token]) {
      const { status, body } = await rest(
        'GET',
        `articles?where=${encodeURIComponent('{"title":')}`,
        { token },
      )
      expect(status).toBe(400)
      expect(body.errors[0].message).toBe('Der Parameter „where“ ist kein gültiges JSON.')
    }
    expect((await rest('GET', 'articles?where[title][equals]=x')).status).toBe(200)
  })

  it('an upload whose `_payload` field is not JSON is a 400 and stores nothing', async () => {
    const form = uploadForm(await makeImage('png', 40, 20), 'bild.png', 'image/png', {})
    form.set('_payload', '{"alt": "Bild",')
    const { status, body } = await rest('POST', 'images', {
      token: newsroom.editor.token,
      formData: form,
    })
    expect(status).toBe(400)
    expect(body.errors[0].message).toBe('Das Feld „_payload“ des Formulars ist kein gültiges JSON.')
    expect((await payload.count({ collection: 'images', overrideAccess: true })).totalDocs).toBe(0)
  })
})

const SOME_UUID = '0b5f4f38-6f1e-4c55-9f64-0d5f0a3c1e2b'

/** Asserts a 4xx answer with a message (not a 5xx, not an empty body). */
function expectClientError(
  { status, body }: { status: number; body: any },
  label: string,
  pattern?: RegExp,
) {
  expect(status, `${label}: ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400)
  expect(status, `${label}: ${JSON.stringify(body)}`).toBeLessThan(500)
  const message = body?.errors?.[0]?.message ?? body?.message
  expect(typeof message, label).toBe('string')
  if (pattern) expect(message, label).toMatch(pattern)
}

describe('malformed queries over REST (#15)', () => {
  const queries: [string, RegExp][] = [
    ['articles?where[publishedAt][greater_than]=notadate', /kein gültiges Datum/],
    ['articles?where[publishedAt][in]=2020-01-01,kaputt', /kein gültiges Datum/],
    ['articles?where[title][equals][0][1][2]=x', /einzelner Wert/],
    ['articles?where[title][equals][a]=x', /einzelner Wert/],
    ['articles?where[title][near]=1,2', /nur für Geo-Felder/],
    ['articles?where[title][within]=x', /nur für Geo-Felder/],
    ['sources?where[name][intersects]=x', /nur für Geo-Felder/],
    ['articles?where[or][0][publishedAt][less_than]=gestern', /kein gültiges Datum/],
    ['articles?where[title]=x', /braucht einen Operator/],
    ['articles?where[and]=x', /Jede Bedingung in „and“ muss ein Objekt sein/],
    ['articles?where[title][gleich]=x', /Unbekannter Operator/],
    ['sources?where[name][all][0]=x', /„all“ gilt nur für Felder mit mehreren Werten/],
    ['articles?where[createdAt][like]=2020-01-01T00:00:00.000Z', /gilt nicht für das Datumsfeld/],
    // IDs are UUIDs: PostgreSQL refused to compare anything else with them (500).
    ['images?where[id][not_in]=title', /„title“ für „id“ \(not_in\) ist keine gültige ID/],
    ['images?where[id][in][0]=title', /keine gültige ID/],
    ['articles?where[heroImage][in]=title', /„heroImage“ \(in\) ist keine gültige ID/],
    ['articles?where[heroImage.id][not_in]=x,y', /keine gültige ID/],
    ['articles?where[authors][in]=nope', /keine gültige ID/],
    ['articles?where[sources][not_in]=x', /keine gültige ID/],
    ['comments?where[article][not_in]=x,y', /keine gültige ID/],
    [`articles?where[heroImage][in]=${SOME_UUID},null`, /„null“ für „heroImage“/],
    ['images?where[id][contains]=title', /„contains“ gilt nicht für IDs/],
    ['images?where[id][not_like]=title', /„not_like“ gilt nicht für IDs/],
    [`articles?where[authors][all]=${SOME_UUID}`, /„all“ gilt nicht für IDs/],
  ]

  it.each(queries)(
    'GET %s is a 400 with a message, for readers and the newsroom',
    async (path, message) => {
      for (const token of [undefined, newsroom.editor.token]) {
        const response = await rest('GET', path, { token })
        expectClientError(response, path, message)
        expect(response.status).toBe(400)
      }
    },
  )

  it('the same over GraphQL: each refusal a 400 in the answer, never a 500', async () => {
    for (const [query, message] of [
      ['{ countArticles(where: { OR: [null, {}] }) { totalDocs } }', /„OR“ muss ein Objekt/],
      ['{ Users(where: { AND: [null] }) { docs { id } } }', /„AND“ muss ein Objekt/],
      ['{ countImages(where: { id: { not_in: ["title"] } }) { totalDocs } }', /keine gültige ID/],
    ] as const) {
      for (const token of [undefined, newsroom.author.token]) {
        const { body } = await graphql(query, {}, { token })
        expect(body.errors, query).toHaveLength(1)
        expect(body.errors![0].extensions?.statusCode, query).toBe(400)
        expect(body.errors![0].message, query).toMatch(message)
      }
    }
  })

  it('valid queries on the same fields still answer', async () => {
    for (const path of [
      'articles?where[publishedAt][greater_than]=2020-01-01',
      'articles?where[publishedAt][in]=2020-01-01,2021-01-01T10:00:00Z',
      'articles?where[title][in][0]=a&where[title][in][1]=b',
      'articles?where[title][exists]=true',
      'articles?where[or][0][title][equals]=x&where[or][1][heroImage.alt][like]=y',
      `images?where[id][not_in]=${SOME_UUID},${SOME_UUID.toUpperCase()}`,
      `articles?where[heroImage][in]=${SOME_UUID}&where[authors][contains]=${SOME_UUID}`,
      'articles?where[heroImage][equals]=null&where[id][exists]=true',
      // Payload's admin: "all documents" for its bulk actions, and its list search by ID
      'images?where[id][not_equals]=',
      'sources?where[id][like]=abc',
      'articles?where[heroImage][equals]=title',
    ]) {
      expect((await rest('GET', path)).status, path).toBe(200)
    }
  })

  it('a malformed where in a bulk update or delete changes nothing', async () => {
    const source = await payload.create({
      collection: 'sources',
      data: { name: 'dpa', kind: 'agency' },
      overrideAccess: true,
    })
    const token = newsroom.editor.token
    const update = await rest('PATCH', 'sources?where[createdAt][less_than]=bald', {
      token,
      body: { name: 'Geändert' },
    })
    expectClientError(update, 'bulk update', /kein gültiges Datum/)
    const remove = await rest('DELETE', 'sources?where[name][equals][0][0]=dpa', { token })
    expectClientError(remove, 'bulk delete', /einzelner Wert/)
    expect(
      (await payload.findByID({ collection: 'sources', id: source.id, overrideAccess: true })).name,
    ).toBe('dpa')
    await payload.delete({ collection: 'sources', id: source.id, overrideAccess: true })
  })
})

describe('malformed requests over REST (#15)', () => {
  it('a page parameter given twice is a 400 (found by tests/int/fuzz.test.ts)', async () => {
    for (const path of [
      'sources?limit=1&limit=156',
      'articles?page=1&page=2',
      'users?limit[a]=1',
    ]) {
      const response = await rest('GET', path, {
        token: path.startsWith('users') ? newsroom.editor.token : undefined,
      })
      expectClientError(response, path, /darf nur einmal und als Zahl angegeben werden/)
    }
  })

  it('bad percent-encoding in an ID or route is a 404 with a message', async () => {
    expectClientError(await rest('GET', 'articles/%C3%28'), '/api/articles/%C3%28')
    expectClientError(await rest('GET', '%FF'), '/api/%FF')
  })

  it('a file name that is no file is a 404, one no file system takes (NUL, too long) a 400', async () => {
    for (const name of ['nicht-da.jpg', '%00', 'bild%00.jpg']) {
      const response = await rest('GET', `images/file/${name}`)
      expectClientError(response, `images/file/${name}`, /Datei nicht gefunden/)
      expect(response.status).toBe(404)
    }
    for (const name of [`${'a'.repeat(300)}.jpg`, `${'ä'.repeat(200)}.jpg`]) {
      expectClientError(
        await rest('GET', `images/file/${name}`),
        `images/file/${name.slice(0, 20)}…`,
        /Ungültiger Dateiname/,
      )
    }
    // Next.js hands the route the decoded name: a NUL byte itself.
    const [handler] = payload.collections.images.config.upload.handlers ?? []
    const response = await handler({ payload, headers: new Headers() } as never, {
      doc: {} as never,
      params: { collection: 'images', filename: 'bild\0.jpg' },
    })
    expect(response?.status).toBe(400)
    // A file that exists is still served by Payload.
    const form = uploadForm(await makeImage('png', 40, 20), 'da.png', 'image/png', {
      alt: 'Da',
      credit: { author: 'A', license: 'cc0', provider: 'P' },
    })
    const created = await rest('POST', 'images', { token: newsroom.editor.token, formData: form })
    expect(created.status).toBe(201)
    const served = await rest('GET', `images/file/${created.body.doc.filename}`)
    expect(served.status).toBe(200)
    await payload.delete({ collection: 'images', id: created.body.doc.id, overrideAccess: true })
  })

  it('a multipart body without boundary is a 400 and stores nothing', async () => {
    const before = (await payload.count({ collection: 'comments', overrideAccess: true })).totalDocs
    const request = {
      headers: { 'content-type': 'multipart/form-data' },
      formData: 'authorName=A' as never,
    }
    expectClientError(await rest('POST', 'comments', request), 'comments', /ohne „boundary“/)
    expectClientError(
      await rest('POST', 'images', { ...request, token: newsroom.editor.token }),
      'images',
      /ohne „boundary“/,
    )
    expect((await payload.count({ collection: 'comments', overrideAccess: true })).totalDocs).toBe(
      before,
    )
  })

  it('verify on a collection without e-mail verification is a 404 with a message', async () => {
    expectClientError(
      await rest('POST', 'users/verify/abc'),
      'users/verify/abc',
      /keine Bestätigung per E-Mail/,
    )
  })

  it('versions of a collection without versions are a 404 (found by tests/int/fuzz.test.ts)', async () => {
    for (const path of ['users/versions', `users/versions/${newsroom.editor.id}`]) {
      const response = await rest('GET', path, { token: newsroom.editor.token })
      expectClientError(response, path, /keine Versionen/)
      expect(response.status).toBe(404)
    }
    expect((await rest('GET', 'articles/versions', { token: newsroom.editor.token })).status).toBe(
      200,
    )
  })

  it('staff writes as text/plain or a url-encoded form are a 415 and store nothing', async () => {
    const token = newsroom.editor.token
    const article = await payload.create({
      collection: 'articles',
      data: { title: 'Bleibt', content: lexical('Bleibt.') },
      overrideAccess: true,
    })
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const body = type === 'text/plain' ? '{"name":"X","kind":"agency"}' : 'name=X&kind=agency'
      const created = await rest('POST', 'sources', {
        token,
        headers: { 'content-type': type },
        formData: body as never,
      })
      expectClientError(created, `POST ${type}`, /bitte die Daten als JSON/)
      expect(created.status).toBe(415)
      const patched = await rest('PATCH', `articles/${article.id}`, {
        token,
        headers: { 'content-type': type },
        formData: 'title=Neu' as never,
      })
      expectClientError(patched, `PATCH ${type}`, /bitte die Daten als JSON/)
    }
    expect((await payload.count({ collection: 'sources', overrideAccess: true })).totalDocs).toBe(0)
    expect(
      (await payload.findByID({ collection: 'articles', id: article.id, overrideAccess: true }))
        .title,
    ).toBe('Bleibt')
  })
})

describe('malformed values found by tests/int/fuzz.test.ts', () => {
  it('page parameters on a write are ignored, not a 400 after the document was stored', async () => {
    const before = (await payload.count({ collection: 'sources', overrideAccess: true })).totalDocs
    const created = await rest('POST', 'sources?page=0&limit=0.5', {
      token: newsroom.editor.token,
      body: { name: 'Kyodo', kind: 'agency' },
    })
    expect(created.status).toBe(201)
    expect((await payload.count({ collection: 'sources', overrideAccess: true })).totalDocs).toBe(
      before + 1,
    )
    await payload.delete({ collection: 'sources', id: created.body.doc.id, overrideAccess: true })
  })

  it('a date that is none (timestamps included) is a 400 naming the field, and stores nothing', async () => {
    const token = newsroom.editor.token
    const before = (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs
    // Authors save drafts, which Payload saves without its own field validation.
    for (const user of [newsroom.author, newsroom.editor]) {
      // (An author's publishedAt is dropped anyway: authors do not publish.)
      const values =
        user === newsroom.editor
          ? [{ updatedAt: '+' }, { createdAt: 'gestern' }, { publishedAt: 'bald' }]
          : [{ updatedAt: '+' }, { createdAt: 'gestern' }]
      for (const data of values) {
        const response = await rest('POST', 'articles', {
          token: user.token,
          body: { title: 'Datum', ...data },
        })
        expectClientError(response, JSON.stringify(data))
        expect(response.status).toBe(400)
        const [field] = Object.keys(data)
        expect(response.body.errors[0].data.errors).toContainEqual({
          path: field,
          message: 'Bitte geben Sie ein gültiges Datum an.',
        })
      }
    }
    expect((await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs).toBe(
      before,
    )
    const created = await rest('POST', 'sources', {
      token,
      body: { name: 'AFP', kind: 'agency', createdAt: '2020-01-01T00:00:00.000Z' },
    })
    expect(created.status).toBe(201)
  })

  it('a checkbox that is no boolean, a number that is none: 400 naming the field, even for drafts', async () => {
    // PostgreSQL refused `commentsEnabled: "x"` in an author's draft with a 500.
    const before = (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs
    for (const user of [newsroom.author, newsroom.editor]) {
      for (const value of ['x', 1, 'ja', {}]) {
        const response = await rest('POST', 'articles', {
          token: user.token,
          body: { title: 'Kästchen', commentsEnabled: value },
        })
        expectClientError(response, `commentsEnabled: ${JSON.stringify(value)}`)
        expect(response.status).toBe(400)
        expect(response.body.errors[0].data.errors).toContainEqual({
          path: 'commentsEnabled',
          message: 'Bitte geben Sie hier ja oder nein an (true/false).',
        })
      }
    }
    expect((await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs).toBe(
      before,
    )
    const settings = await rest('POST', 'globals/comment-settings', {
      token: newsroom.admin.token,
      body: { closeAfterDays: 'viele' },
    })
    expectClientError(settings, 'closeAfterDays: "viele"')
    expect(settings.body.errors[0].data.errors).toEqual([
      { path: 'closeAfterDays', message: 'Bitte geben Sie hier eine Zahl an.' },
    ])
    const fine = await rest('POST', 'articles', {
      token: newsroom.author.token,
      body: { title: 'Kästchen', commentsEnabled: 'false' },
    })
    expect(fine.status).toBe(201)
    expect(fine.body.doc.commentsEnabled).toBe(false)
  })
})
