import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rest } from '../helpers/api'
import { articleData, createNewsroom, lexical, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
const system = { overrideAccess: true, depth: 0 } as const

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
})
afterAll(async () => ctx?.close())

const create = (data: Record<string, unknown>) =>
  payload.create({ collection: 'articles', data: articleData(data), ...system })

describe('article slugs', () => {
  it.each([
    ['Größere Übungen für Äbte', 'groessere-uebungen-fuer-aebte'],
    ['Straße & Brücke: „Neu“ – 2024!', 'strasse-und-bruecke-neu-2024'],
    ['  Öl?! Preise   steigen…  ', 'oel-preise-steigen'],
    ['Café in São Paulo', 'cafe-in-sao-paulo'],
  ])('"%s" becomes %s', async (title, slug) => {
    expect((await create({ title })).slug).toBe(slug)
  })

  it('collisions get -2, -3', async () => {
    const slugs = []
    for (let i = 0; i < 3; i++) slugs.push((await create({ title: 'Gleicher Titel' })).slug)
    expect(slugs).toEqual(['gleicher-titel', 'gleicher-titel-2', 'gleicher-titel-3'])
  })

  it('editors may edit the slug; it is normalised and kept unique', async () => {
    const doc = await create({ title: 'Erster Titel' })
    const { status, body } = await rest('PATCH', `articles/${doc.id}?draft=true`, {
      token: newsroom.editor.token,
      body: { slug: 'Mein Eigener Slug Ü' },
    })
    expect(status).toBe(200)
    expect(body.doc.slug).toBe('mein-eigener-slug-ue')
    const other = await create({ title: 'Anderer Titel' })
    const clash = await rest('PATCH', `articles/${other.id}?draft=true`, {
      token: newsroom.editor.token,
      body: { slug: 'mein-eigener-slug-ue' },
    })
    expect(clash.body.doc.slug).toBe('mein-eigener-slug-ue-2')
  })

  it('keeps the slug when the title changes later', async () => {
    const doc = await create({ title: 'Ursprünglich' })
    const updated = await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { title: 'Ganz anders' },
      ...system,
    })
    expect(updated.slug).toBe('urspruenglich')
  })

  it('rejects titles over 200 characters with a 400', async () => {
    const { status } = await rest('POST', 'articles', {
      token: newsroom.editor.token,
      body: articleData({ title: 'x'.repeat(201) }),
    })
    expect(status).toBe(400)
  })
})

describe('excerpt', () => {
  it('is filled from the first paragraph and follows the body until written by hand', async () => {
    const doc = await create({ content: lexical('Erster Absatz.', 'Zweiter Absatz.') })
    expect(doc.excerpt).toBe('Erster Absatz.')
    const edited = await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { content: lexical('Neuer Anfang.'), excerpt: doc.excerpt },
      ...system,
    })
    expect(edited.excerpt).toBe('Neuer Anfang.')
    const own = await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { excerpt: 'Eigener Anriss.' },
      ...system,
    })
    expect(own.excerpt).toBe('Eigener Anriss.')
    const later = await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { content: lexical('Noch ein Anfang.'), excerpt: own.excerpt },
      ...system,
    })
    expect(later.excerpt).toBe('Eigener Anriss.')
  })

  it('is cut at a word boundary to at most 400 characters', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `Wort${i}`).join(' ')
    const doc = await create({ content: lexical(long) })
    expect(doc.excerpt!.length).toBeLessThanOrEqual(400)
    expect(doc.excerpt!.endsWith('…')).toBe(true)
    expect(long.startsWith(doc.excerpt!.slice(0, -1))).toBe(true)
  })
})

describe('publishedAt', () => {
  it('is set on the first publish and kept on later publishes', async () => {
    const doc = await create({ title: 'Zeitstempel' })
    expect(doc.publishedAt ?? null).toBeNull()
    const first = await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { _status: 'published' },
      ...system,
    })
    expect(first.publishedAt).toBeTruthy()
    const again = await payload.update({
      collection: 'articles',
      id: doc.id,
      data: { title: 'Zeitstempel 2', _status: 'published' },
      ...system,
    })
    expect(again.publishedAt).toBe(first.publishedAt)
  })

  it('may be set by an editor', async () => {
    const doc = await create({
      title: 'Rückdatiert',
      _status: 'published',
      publishedAt: '2024-03-01T08:00:00.000Z',
    })
    expect(doc.publishedAt).toBe('2024-03-01T08:00:00.000Z')
  })
})

describe('authors', () => {
  it('the creating author is always one of the authors', async () => {
    const { body } = await rest('POST', 'articles', {
      token: newsroom.author.token,
      body: articleData({ authors: [newsroom.otherAuthor.id] }),
    })
    expect(body.doc.authors.map((a: any) => a.id ?? a).sort()).toEqual(
      [newsroom.author.id, newsroom.otherAuthor.id].sort(),
    )
  })

  it('an editor creating an article without authors becomes its author', async () => {
    const { body } = await rest('POST', 'articles', {
      token: newsroom.editor.token,
      body: articleData(),
    })
    expect(body.doc.authors.map((a: any) => a.id ?? a)).toEqual([newsroom.editor.id])
  })
})

describe('deleting an article', () => {
  const comment = (article: string, data: Record<string, unknown> = {}) =>
    payload.create({
      collection: 'comments',
      data: {
        article,
        authorName: 'Lea',
        authorEmail: 'lea@example.com',
        body: 'Ein Kommentar.',
        status: 'approved',
        ...data,
      } as any,
      ...system,
    })

  it('takes its comments and their replies with it; other articles keep theirs', async () => {
    const doomed = await create({ title: 'Wird gelöscht', _status: 'published' })
    const kept = await create({ title: 'Bleibt', _status: 'published' })
    const parent = await comment(doomed.id)
    await comment(doomed.id, { parent: parent.id, body: 'Eine Antwort.' })
    await comment(doomed.id, { status: 'pending' })
    const other = await comment(kept.id)

    const response = await rest('DELETE', `articles/${doomed.id}`, { token: newsroom.editor.token })
    expect(response.status).toBe(200)
    const left = await payload.find({
      collection: 'comments',
      where: { article: { in: [doomed.id, kept.id] } },
      ...system,
    })
    expect(left.docs.map((doc) => doc.id)).toEqual([other.id])
  })

  it('a refused delete leaves the article and its comments alone', async () => {
    const article = await create({ title: 'Darf nicht weg', _status: 'published' })
    await comment(article.id)
    const response = await rest('DELETE', `articles/${article.id}`, {
      token: newsroom.author.token,
    })
    expect(response.status).toBe(403)
    expect(
      (
        await payload.count({
          collection: 'comments',
          where: { article: { equals: article.id } },
          ...system,
        })
      ).totalDocs,
    ).toBe(1)
  })
})
