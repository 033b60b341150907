/**
 * What editors missed (#16, item 8): the dashboard's moderation queue (pending comments by
 * article, read with the user's own rights) and the discarding of an article that „Neu
 * erstellen“ created and nobody ever wrote into.
 */
import { setTimeout as sleep } from 'node:timers/promises'

import type { Payload } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { pendingCommentsByArticle, pendingCommentsListHref } from '@/comments/pendingByArticle'
import { PendingCommentsDashboard } from '@/components/admin/PendingCommentsDashboard'
import { rest } from '../helpers/api'
import { articleData, createNewsroom, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

vi.mock('@/lib/revalidate', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/revalidate')>()),
  revalidateTags: vi.fn(async () => undefined),
}))

let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
})
afterAll(async () => ctx?.close())

const system = { overrideAccess: true, depth: 0 } as const

async function publishedArticle(title: string) {
  const doc = await payload.create({
    collection: 'articles',
    data: articleData({ title, _status: 'published' }),
    ...system,
  })
  return doc.id
}

async function comment(article: string, status: string) {
  // Apart in time, so that "newest first" is well defined on every database.
  await sleep(15)
  return payload.create({
    collection: 'comments',
    data: {
      article,
      authorName: 'Lea Leserin',
      authorEmail: 'lea@example.com',
      body: 'Ein sachlicher Kommentar.',
      status,
    } as any,
    context: { seeding: true },
    ...system,
  })
}

describe('the moderation queue on the dashboard', () => {
  it('counts the pending comments, by article, newest first, with the user’s rights', async () => {
    const harbour = await publishedArticle('Der Hafen wird ausgebaut')
    const school = await publishedArticle('Die Schule bekommt ein Dach')
    const bridge = await publishedArticle('Die Brücke ist gesperrt')
    await comment(harbour, 'pending')
    await comment(harbour, 'pending')
    await comment(bridge, 'approved')
    await comment(school, 'pending')
    await comment(bridge, 'rejected')
    await comment(harbour, 'pending')
    await comment(bridge, 'spam')
    // The school's title changes in a draft: the dashboard names the newest.
    await payload.update({
      collection: 'articles',
      id: school,
      draft: true,
      data: { title: 'Die Schule bekommt ein neues Dach' },
      ...system,
    })

    const overview = await pendingCommentsByArticle(payload, newsroom.editor as any)
    expect(overview.total).toBe(4)
    expect(overview.articles.map(({ id, title, count }) => ({ id, title, count }))).toEqual([
      { id: harbour, title: 'Der Hafen wird ausgebaut', count: 3 },
      { id: school, title: 'Die Schule bekommt ein neues Dach', count: 1 },
    ])
    expect(await pendingCommentsByArticle(payload, newsroom.admin as any)).toEqual(overview)

    // A handful: the article with the newest pending comment first.
    const one = await pendingCommentsByArticle(payload, newsroom.editor as any, { limit: 1 })
    expect(one.total).toBe(4)
    expect(one.articles.map(({ id, count }) => ({ id, count }))).toEqual([
      { id: harbour, count: 3 },
    ])

    // Authors and readers may not see pending comments: nothing to count.
    for (const user of [newsroom.author, null]) {
      expect(await pendingCommentsByArticle(payload, user as any)).toEqual({
        total: 0,
        articles: [],
      })
    }

    // The links filter the comment list as Payload's filter does; the list's query finds them.
    const href = pendingCommentsListHref('/admin', harbour)
    const query = href.split('?')[1]
    const listed = await rest('GET', `comments?${query}&depth=0`, {
      token: newsroom.editor.token,
    })
    expect(listed.status).toBe(200)
    expect(listed.body.totalDocs).toBe(3)
    expect(listed.body.docs.every((doc: any) => doc.status === 'pending')).toBe(true)

    const html = renderToStaticMarkup(
      (await PendingCommentsDashboard({ payload, user: newsroom.editor } as any))!,
    )
    expect(html).toContain('Kommentare in Moderation: <span class="newsroom-queue__total">4</span>')
    expect(html).toContain('Der Hafen wird ausgebaut</a></td><td>3</td>')
    expect(html).toContain(href.replace(/&/g, '&amp;'))
    expect(await PendingCommentsDashboard({ payload, user: newsroom.author } as any)).toBeNull()
  })

  it('moderating through REST (what the list’s buttons do) moves the comment out of the count', async () => {
    const article = await publishedArticle('Moderiert mit einem Klick')
    const first = await comment(article, 'pending')
    const second = await comment(article, 'pending')
    const before = await pendingCommentsByArticle(payload, newsroom.editor as any)
    for (const [doc, status] of [
      [first, 'approved'],
      [second, 'rejected'],
    ] as const) {
      const response = await rest('PATCH', `comments/${doc.id}`, {
        token: newsroom.editor.token,
        body: { status },
      })
      expect(response.status, JSON.stringify(response.body)).toBe(200)
      expect(response.body.doc.status).toBe(status)
    }
    const after = await pendingCommentsByArticle(payload, newsroom.editor as any)
    expect(after.total).toBe(before.total - 2)
    expect(after.articles.find(({ id }) => id === article)).toBeUndefined()
    // An author's click is refused with the server's message.
    const third = await comment(article, 'pending')
    const refused = await rest('PATCH', `comments/${third.id}`, {
      token: newsroom.author.token,
      body: { status: 'approved' },
    })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toBeTruthy()
  })
})

describe('an article „Neu erstellen“ created and nobody wrote into', () => {
  /** What Payload's admin does on „Neu erstellen“ for a collection with autosave. */
  const createLikeTheAdmin = async (user: any) =>
    (
      await payload.create({
        collection: 'articles',
        data: {},
        draft: true,
        depth: 0,
        overrideAccess: false,
        user,
      })
    ).id
  const discard = (id: string, token?: string) =>
    rest('POST', `articles/${id}/discard-untouched`, { token })
  const exists = async (id: string) =>
    Boolean(
      await payload.findByID({
        collection: 'articles',
        id,
        draft: true,
        disableErrors: true,
        ...system,
      }),
    )

  it('is discarded when its author leaves it', async () => {
    const id = await createLikeTheAdmin(newsroom.author)
    const response = await discard(id, newsroom.author.token)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body).toEqual({ discarded: true })
    expect(await exists(id)).toBe(false)
  })

  it('stays once anything was saved into it, even without a title', async () => {
    const id = await createLikeTheAdmin(newsroom.author)
    const autosave = await rest('PATCH', `articles/${id}?autosave=true&draft=true`, {
      token: newsroom.author.token,
      body: { dateline: 'KIEL' },
    })
    expect(autosave.status, JSON.stringify(autosave.body)).toBe(200)
    expect((await discard(id, newsroom.author.token)).body).toEqual({
      discarded: false,
      reason: 'edited',
    })
    expect(await exists(id)).toBe(true)
  })

  it('stays when it has a title or text, however it was made', async () => {
    const titled = (
      await payload.create({
        collection: 'articles',
        data: { title: 'Nur ein Titel' } as any,
        draft: true,
        overrideAccess: false,
        user: newsroom.editor as any,
      })
    ).id
    const published = await publishedArticle('Veröffentlicht')
    for (const id of [titled, published]) {
      expect((await discard(id, newsroom.editor.token)).body).toEqual({
        discarded: false,
        reason: 'edited',
      })
      expect(await exists(id)).toBe(true)
    }
  })

  it('stays when someone else holds it open, or the caller may not delete it', async () => {
    const id = await createLikeTheAdmin(newsroom.author)
    // Another author may read it, not delete it.
    expect((await discard(id, newsroom.otherAuthor.token)).body).toEqual({
      discarded: false,
      reason: 'forbidden',
    })
    expect((await discard(id)).status).toBe(401)
    expect(await exists(id)).toBe(true)

    // The editor opened it (Payload's document lock): its author leaving does not remove it.
    await payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'articles', value: id },
        globalSlug: null,
        user: { relationTo: 'users', value: newsroom.editor.id },
      },
      ...system,
    })
    expect((await discard(id, newsroom.author.token)).body).toEqual({
      discarded: false,
      reason: 'locked',
    })
    expect(await exists(id)).toBe(true)
    // The editor's own leave does.
    expect((await discard(id, newsroom.editor.token)).body).toEqual({ discarded: true })
    expect(await exists(id)).toBe(false)
  })

  it('a missing or foreign ID is nothing to discard', async () => {
    const response = await discard('00000000-0000-4000-8000-000000000000', newsroom.editor.token)
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ discarded: false, reason: 'not-found' })
  })
})
