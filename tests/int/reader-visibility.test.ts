import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, rest } from '../helpers/api'
import { CHANNELS, clientFor } from '../helpers/channels'
import { articleData, createNewsroom, lexical, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/** Anonymous readers see published versions only, and never a commenter's email. */
let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
let draft: { id: string; slug: string }
let published: { id: string; slug: string }
const DRAFT_SECRET = 'Geheimer Entwurfstext'
const PENDING_EDIT = 'Unveröffentlichte Überarbeitung'

const system = { overrideAccess: true, depth: 0 } as const

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  const draftDoc = await payload.create({
    collection: 'articles',
    data: articleData({ title: 'Nur ein Entwurf', content: lexical(DRAFT_SECRET) }),
    ...system,
  })
  draft = { id: draftDoc.id, slug: draftDoc.slug! }
  const publishedDoc = await payload.create({
    collection: 'articles',
    data: articleData({ title: 'Schon veröffentlicht', _status: 'published' }),
    ...system,
  })
  published = { id: publishedDoc.id, slug: publishedDoc.slug! }
  // An editor's newer draft on top of the published article.
  await payload.update({
    collection: 'articles',
    id: published.id,
    data: { title: PENDING_EDIT, content: lexical(PENDING_EDIT) },
    draft: true,
    ...system,
  })
  const approved = await payload.create({
    collection: 'comments',
    data: {
      article: published.id,
      authorName: 'Lea',
      authorEmail: 'lea@example.com',
      body: 'Sehr informativ.',
      status: 'approved',
    },
    ...system,
  })
  await payload.create({
    collection: 'comments',
    data: {
      article: published.id,
      parent: approved.id,
      authorName: 'Max',
      authorEmail: 'max@example.com',
      body: 'Finde ich auch.',
      status: 'approved',
    },
    ...system,
  })
  await payload.create({
    collection: 'comments',
    data: {
      article: published.id,
      authorName: 'Tom',
      authorEmail: 'tom@example.com',
      body: 'Wartet noch.',
      status: 'pending',
    },
    ...system,
  })
  await payload.create({
    collection: 'comments',
    data: {
      article: draft.id,
      authorName: 'Ina',
      authorEmail: 'ina@example.com',
      body: 'Am Entwurf.',
      status: 'approved',
    },
    ...system,
  })
})
afterAll(async () => ctx?.close())

describe.each(CHANNELS)('drafts via %s', (channel) => {
  const reader = () => clientFor(payload, channel, null)

  it('are not listed', async () => {
    const docs = await reader().find('articles')
    expect(docs.map((doc) => doc.id)).toEqual([published.id])
  })

  it('are not found by id, with or without draft=true', async () => {
    expect((await reader().read('articles', draft.id)).ok).toBe(false)
    expect((await reader().read('articles', draft.id, { draft: true })).ok).toBe(false)
  })

  it('are not found by a slug filter, with or without draft=true', async () => {
    expect(await reader().find('articles', { slug: { equals: draft.slug } })).toEqual([])
    expect(
      await reader().find('articles', { slug: { equals: draft.slug } }, { draft: true }),
    ).toEqual([])
    expect(
      await reader().find('articles', { _status: { equals: 'draft' } }, { draft: true }),
    ).toEqual([])
  })

  it('of a published article never replace the published version', async () => {
    for (const draftFlag of [false, true]) {
      const outcome = await reader().read('articles', published.id, { draft: draftFlag })
      if (outcome.ok) expect(outcome.doc.title).toBe('Schon veröffentlicht')
      const listed = await reader().find('articles', {}, { draft: draftFlag })
      expect(JSON.stringify(listed)).not.toContain(PENDING_EDIT)
    }
  })

  it('are visible to the newsroom', async () => {
    const editor = clientFor(payload, channel, newsroom.editor)
    expect((await editor.read('articles', draft.id, { draft: true })).ok).toBe(true)
    const latest = await editor.read('articles', published.id, { draft: true })
    expect(latest.doc.title).toBe(PENDING_EDIT)
  })
})

describe('versions endpoints', () => {
  it('refuse anonymous readers over REST', async () => {
    for (const path of [
      'articles/versions',
      `articles/versions?where[parent][equals]=${draft.id}`,
    ]) {
      const { status, body } = await rest('GET', path)
      expect(status).toBe(403)
      expect(JSON.stringify(body)).not.toContain(DRAFT_SECRET)
    }
    const { docs } = await payload.findVersions({ collection: 'articles', ...system, limit: 1 })
    const { status, body } = await rest('GET', `articles/versions/${docs[0].id}`)
    expect(status).toBe(403)
    expect(JSON.stringify(body)).not.toContain(DRAFT_SECRET)
  })

  it('refuse anonymous readers over GraphQL', async () => {
    const { body } = await graphql('{ versionsArticles { docs { id version { title content } } } }')
    expect(body.errors?.[0]?.message).toMatch(/Berechtigung|not allowed/i)
    expect(JSON.stringify(body)).not.toContain(DRAFT_SECRET)
    const { docs } = await payload.findVersions({ collection: 'articles', ...system, limit: 1 })
    const single = await graphql(
      'query ($id: String) { versionArticle(id: $id) { id version { title } } }',
      { id: docs[0].id },
    )
    expect(single.body.data?.versionArticle ?? null).toBeNull()
  })

  it('are open to the newsroom', async () => {
    const { status, body } = await rest(
      'GET',
      `articles/versions?where[parent][equals]=${published.id}`,
      { token: newsroom.author.token },
    )
    expect(status).toBe(200)
    expect(body.totalDocs).toBeGreaterThanOrEqual(2)
  })
})

describe('comments for readers', () => {
  it.each(CHANNELS)('only approved comments of published articles, via %s', async (channel) => {
    const docs = await clientFor(payload, channel, null).find('comments')
    expect(docs.map((doc) => doc.body).sort()).toEqual(['Finde ich auch.', 'Sehr informativ.'])
  })

  it('never include the email over REST, by list, by id or populated as a parent', async () => {
    const list = await rest('GET', 'comments?depth=2')
    expect(list.status).toBe(200)
    expect(list.body.docs).toHaveLength(2)
    const byId = await rest('GET', `comments/${list.body.docs[0].id}?depth=2`)
    for (const body of [list.body, byId.body]) {
      const json = JSON.stringify(body)
      expect(json).not.toMatch(/authorEmail|@example\.com/)
    }
    const reply = list.body.docs.find((doc: any) => doc.parent)
    expect(reply.parent.authorName).toBe('Lea')
  })

  it('never include the email over GraphQL', async () => {
    const { body } = await graphql(
      '{ Comments { docs { body authorEmail parent { authorEmail } article { title } } } }',
    )
    expect(body.data.Comments.docs).toHaveLength(2)
    for (const doc of body.data.Comments.docs) {
      expect(doc.authorEmail).toBeNull()
      if (doc.parent) expect(doc.parent.authorEmail).toBeNull()
    }
    expect(JSON.stringify(body)).not.toContain('@example.com')
  })

  it('cannot be found by filtering on the hidden email', async () => {
    const { body } = await rest('GET', 'comments?where[authorEmail][equals]=lea@example.com')
    expect(body.docs ?? []).toHaveLength(0)
    const like = await rest('GET', 'comments?where[authorEmail][like]=lea')
    expect(like.body.docs ?? []).toHaveLength(0)
  })

  it('editors see emails', async () => {
    const { body } = await rest('GET', 'comments', { token: newsroom.editor.token })
    expect(body.docs.map((doc: any) => doc.authorEmail)).toContain('tom@example.com')
  })
})
