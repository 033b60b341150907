import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { flushCommentNotifications, resetCommentNotifications } from '@/comments/notify'
import { PendingCommentsBanner, PendingCommentsNavLink } from '@/components/admin/PendingComments'
import { revalidateTags } from '@/lib/revalidate'
import { graphql, rest } from '../helpers/api'
import { articleData, createNewsroom, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'
import {
  formToken,
  nextIp,
  postComment,
  setCommentSettings,
  storedComment,
} from './comments-helpers'

vi.mock('@/lib/revalidate', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/revalidate')>()),
  revalidateTags: vi.fn(async () => undefined),
}))

/** Moderation in the admin and over the API, editor emails, the settings global, revalidation. */
let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
let article: string
let sendEmail: ReturnType<typeof vi.spyOn>

const system = { overrideAccess: true, depth: 0 } as const
const uid = () => randomUUID().slice(0, 8)
const ARTICLE_TITLE = 'Der Hafen wird ausgebaut'
const comment = (overrides: Record<string, unknown> = {}) => ({
  article,
  authorName: 'Lea Leserin',
  authorEmail: `lea-${uid()}@example.com`,
  body: `Ein sachlicher Kommentar ${uid()}.`,
  ...overrides,
})
const readerPost = async (overrides: Record<string, unknown> = {}) => {
  const outcome = await postComment(payload, 'rest', comment(overrides), { peer: nextIp() })
  expect(outcome.ok, JSON.stringify(outcome.raw)).toBe(true)
  return outcome.doc
}

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  article = (
    await payload.create({
      collection: 'articles',
      data: articleData({ title: ARTICLE_TITLE, _status: 'published' }),
      ...system,
    })
  ).id
  await setCommentSettings(payload, { rateLimitPerMinute: 0, rateLimitPerHour: 0 })
  sendEmail = vi.spyOn(payload, 'sendEmail')
})
afterAll(async () => {
  resetCommentNotifications(payload)
  await ctx?.close()
})
beforeEach(async () => {
  // Mails of the test before still being sent (slower on PostgreSQL) land before the count.
  await flushCommentNotifications(payload)
  resetCommentNotifications(payload)
  sendEmail.mockClear()
  vi.mocked(revalidateTags).mockClear()
})

describe('bulk moderation', () => {
  it('editors approve, reject or mark as spam many comments in one request', async () => {
    const ids = [(await readerPost()).id, (await readerPost()).id, (await readerPost()).id]
    const where = ids.map((id, index) => `where[id][in][${index}]=${id}`).join('&')
    for (const status of ['spam', 'rejected', 'approved']) {
      const { status: code, body } = await rest('PATCH', `comments?${where}`, {
        token: newsroom.editor.token,
        body: { status },
      })
      expect(code, JSON.stringify(body)).toBe(200)
      expect(body.docs).toHaveLength(3)
      for (const id of ids) expect((await storedComment(payload, id)).status).toBe(status)
    }
    const visible = await rest('GET', `comments?${where}`)
    expect(visible.body.docs).toHaveLength(3)
  })

  it('readers and authors cannot moderate, one by one or in bulk', async () => {
    const id = (await readerPost()).id
    for (const token of [undefined, newsroom.author.token]) {
      const bulk = await rest('PATCH', `comments?where[id][equals]=${id}`, {
        token,
        body: { status: 'approved' },
      })
      expect(bulk.body.docs ?? []).toHaveLength(0)
      const single = await rest('PATCH', `comments/${id}`, { token, body: { status: 'approved' } })
      expect(single.status).toBe(403)
      const gql = await graphql(
        'mutation ($id: String!) { updateComment(id: $id, data: { status: approved }) { id } }',
        { id },
        { token },
      )
      expect(gql.body.errors?.[0]?.message).toBeTruthy()
    }
    expect((await storedComment(payload, id)).status).toBe('pending')
  })

  it('the pending queue shows its count in the admin', async () => {
    await readerPost()
    const { totalDocs } = await payload.count({
      collection: 'comments',
      where: { status: { equals: 'pending' } },
      overrideAccess: true,
    })
    expect(totalDocs).toBeGreaterThan(0)
    const i18n = { language: 'de' } as any
    const editorView = renderToStaticMarkup(
      await PendingCommentsBanner({ payload, i18n, user: newsroom.editor as any }),
    )
    expect(editorView).toContain(`${totalDocs} Kommentar`)
    expect(editorView).toContain('/admin/collections/comments?where[status][equals]=pending')
    const nav = renderToStaticMarkup(
      await PendingCommentsNavLink({ payload, i18n, user: newsroom.admin as any }),
    )
    expect(nav).toContain(`>${totalDocs}<`)
    expect(await PendingCommentsNavLink({ payload, i18n, user: newsroom.author as any })).toBeNull()
  })
})

describe('emails to editors', () => {
  const mails = (): any[] => sendEmail.mock.calls.map(([message]: any[]) => message)

  it('go out for a new pending comment at once, then as one digest per window', async () => {
    const first = await readerPost({ authorName: 'Erste Leserin' })
    await vi.waitFor(() => expect(mails()).toHaveLength(1))
    expect(mails().map((mail) => mail.to)).toEqual([newsroom.editor.email])
    expect(mails()[0].subject).toBe(`Neuer Kommentar wartet auf Freigabe: „${ARTICLE_TITLE}“`)
    expect(mails()[0].text).toContain('Erste Leserin')
    expect(mails()[0].text).toContain(`/admin/collections/comments/${first.id}`)
    expect(mails()[0].text).not.toContain('@example.com')

    sendEmail.mockClear()
    await readerPost({ authorName: 'Zweiter' })
    await readerPost({ authorName: 'Dritte' })
    expect(mails()).toHaveLength(0)
    await flushCommentNotifications(payload)
    expect(mails()).toHaveLength(1)
    expect(mails()[0].subject).toBe('2 neue Kommentare warten auf Freigabe')
    expect(mails()[0].text).toMatch(/Zweiter[\s\S]*Dritte/)
  })

  it('are not sent for spam, staff comments, known commenters, or when switched off', async () => {
    await readerPost({ body: 'https://a.example https://b.example https://c.example' })
    await postComment(payload, 'rest', comment(), { actor: newsroom.editor })
    const known = `bekannt-${uid()}@example.com`
    await payload.create({
      collection: 'comments',
      data: comment({ authorEmail: known, status: 'approved' }) as any,
      ...system,
    })
    expect((await readerPost({ authorEmail: known, formToken: formToken() })).status).toBe(
      'approved',
    )
    await setCommentSettings(payload, { notifyEditors: false })
    try {
      await readerPost()
    } finally {
      await setCommentSettings(payload, { notifyEditors: true })
    }
    await flushCommentNotifications(payload)
    expect(mails()).toHaveLength(0)
  })

  it('never fail a post when sending fails', async () => {
    sendEmail.mockRejectedValueOnce(new Error('SMTP down'))
    const error = vi.spyOn(payload.logger, 'error')
    await readerPost()
    await flushCommentNotifications(payload)
    expect(error).toHaveBeenCalled()
    error.mockRestore()
  })
})

describe('the comment-settings global', () => {
  it('is not readable by readers or authors, over REST or GraphQL', async () => {
    for (const token of [undefined, newsroom.author.token]) {
      expect((await rest('GET', 'globals/comment-settings', { token })).status).toBe(403)
      const gql = await graphql(
        '{ CommentSettings { blockList rateLimitPerMinute } }',
        {},
        { token },
      )
      expect(gql.body.data?.CommentSettings ?? null).toBeNull()
    }
    const editor = await rest('GET', 'globals/comment-settings', { token: newsroom.editor.token })
    expect(editor.status).toBe(200)
    expect(editor.body).toMatchObject({ maxLinks: 2, spamAction: 'spam', rateLimitPerMinute: 0 })
  })

  it('editors maintain the spam rules; limits, auto-approval, closing and emails are for admins', async () => {
    const before = await payload.findGlobal({ slug: 'comment-settings', ...system })
    const byEditor = await rest('POST', 'globals/comment-settings', {
      token: newsroom.editor.token,
      body: {
        blockList: 'lotto*',
        maxLinks: 4,
        rateLimitPerMinute: 999,
        autoApproveKnown: false,
        closeAfterDays: 1,
      },
    })
    expect(byEditor.status).toBe(200)
    const afterEditor = await payload.findGlobal({ slug: 'comment-settings', ...system })
    expect(afterEditor).toMatchObject({ blockList: 'lotto*', maxLinks: 4 })
    expect(afterEditor.rateLimitPerMinute).toBe(before.rateLimitPerMinute)
    expect(afterEditor.autoApproveKnown).toBe(before.autoApproveKnown)
    expect(afterEditor.closeAfterDays ?? null).toBe(before.closeAfterDays ?? null)

    const byAdmin = await rest('POST', 'globals/comment-settings', {
      token: newsroom.admin.token,
      body: { rateLimitPerMinute: 9, maxLinks: 2, blockList: '' },
    })
    expect(byAdmin.status).toBe(200)
    expect(await payload.findGlobal({ slug: 'comment-settings', ...system })).toMatchObject({
      rateLimitPerMinute: 9,
      maxLinks: 2,
    })
    expect(
      (
        await rest('POST', 'globals/comment-settings', {
          token: newsroom.author.token,
          body: { maxLinks: 0 },
        })
      ).status,
    ).toBe(403)
    expect((await rest('POST', 'globals/comment-settings', { body: { maxLinks: 0 } })).status).toBe(
      403,
    )
    await setCommentSettings(payload, { rateLimitPerMinute: 0, rateLimitPerHour: 0 })
  })

  it('takes effect on the next post', async () => {
    await setCommentSettings(payload, { blockList: 'sonderangebot' })
    expect((await readerPost({ body: 'Ein Sonderangebot für alle!' })).status).toBe('spam')
    await setCommentSettings(payload, { blockList: '' })
    expect((await readerPost({ body: 'Ein Sonderangebot für alle!' })).status).toBe('pending')
  })
})

describe('articles tell whether they take comments', () => {
  it('as commentsOpen, over GraphQL and REST', async () => {
    const disabled = (
      await payload.create({
        collection: 'articles',
        data: articleData({ _status: 'published', commentsEnabled: false }),
        ...system,
      })
    ).id
    const old = (
      await payload.create({
        collection: 'articles',
        data: articleData({
          _status: 'published',
          publishedAt: new Date(Date.now() - 40 * 24 * 3600_000).toISOString(),
        }),
        ...system,
      })
    ).id
    const open = async () => {
      const { body } = await graphql('{ Articles(limit: 50) { docs { id commentsOpen } } }')
      return Object.fromEntries(
        body.data.Articles.docs.map((doc: any) => [doc.id, doc.commentsOpen]),
      )
    }
    expect(await open()).toMatchObject({ [article]: true, [disabled]: false, [old]: true })
    await setCommentSettings(payload, { closeAfterDays: 30 })
    try {
      expect(await open()).toMatchObject({ [article]: true, [disabled]: false, [old]: false })
      expect((await rest('GET', `articles/${old}`)).body.commentsOpen).toBe(false)
      expect(
        (await postComment(payload, 'graphql', comment({ article: old }), { peer: nextIp() }))
          .status,
      ).toBe(403)
    } finally {
      await setCommentSettings(payload, { closeAfterDays: null })
    }
  })
})

describe('revalidation of the article page', () => {
  const commentTags = () =>
    vi
      .mocked(revalidateTags)
      .mock.calls.flatMap(([tags]) => tags)
      .filter((tag) => tag.startsWith('comments:'))

  it('happens when a comment is approved, unapproved or deleted, not for a new pending one', async () => {
    const { id } = await readerPost()
    expect(commentTags()).toEqual([])
    await rest('PATCH', `comments/${id}`, {
      token: newsroom.editor.token,
      body: { status: 'approved' },
    })
    expect(commentTags()).toEqual([`comments:${article}`])
    await rest('PATCH', `comments/${id}`, {
      token: newsroom.editor.token,
      body: { status: 'spam' },
    })
    expect(commentTags()).toHaveLength(2)
    await rest('PATCH', `comments/${id}`, {
      token: newsroom.editor.token,
      body: { status: 'approved' },
    })
    await rest('DELETE', `comments/${id}`, { token: newsroom.editor.token })
    expect(commentTags()).toHaveLength(4)
  })
})
