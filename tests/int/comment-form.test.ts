import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { mutationResult } from '@/site/client'
import {
  commentFormResult,
  commentInput,
  MESSAGES,
  nextFormToken,
  readCommentForm,
  type CommentSubmission,
} from '@/site/commentForm'
import { CreateCommentMutation } from '@/site/documents'
import type { CreateCommentMutation as CreateCommentResult } from '@/site/gql/graphql'
import { graphql } from '../helpers/api'
import { articleData } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'
import {
  formToken,
  nextIp,
  peerHeaders,
  setCommentSettings,
  storedComment,
} from './comments-helpers'

/**
 * The site's comment form against the real GraphQL handler: the form fields as the browser
 * posts them, the same typed mutation the server action sends (anonymously, from loopback, with
 * the reader's address in X-Forwarded-For), and what the reader is then shown. The server
 * action itself only adds `headers()` and `fetch` around exactly these steps.
 */
let ctx: TestPayload
let payload: Payload
let article: string
let closedArticle: string
let draftArticle: string

const uid = () => randomUUID().slice(0, 8)
const system = { overrideAccess: true, depth: 0 } as const

function formData(fields: Record<string, string>): FormData {
  const form = new FormData()
  const defaults = {
    article,
    authorName: 'Lea Leserin',
    authorEmail: `lea-${uid()}@example.com`,
    body: `Ein Kommentar über das Formular ${uid()}.`,
    website: '',
    formToken: '',
  }
  for (const [name, value] of Object.entries({ ...defaults, ...fields })) form.append(name, value)
  return form
}

/** What `postComment` does, minus `headers()` and `fetch`: the site server posting over loopback. */
async function submit(
  fields: Record<string, string>,
  { reader = nextIp() }: { reader?: string } = {},
) {
  const submission = readCommentForm(formData(fields))
  const response = await graphql(
    CreateCommentMutation.toString(),
    { data: commentInput(submission) },
    {
      headers: peerHeaders('127.0.0.1', { 'X-Forwarded-For': reader }),
    },
  )
  const result = mutationResult<CreateCommentResult>(
    response.status,
    response.headers,
    response.body,
  )
  return { submission, result, state: commentFormResult(result, submission, 1) }
}

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  const create = async (overrides: Record<string, unknown>) =>
    (
      await payload.create({
        collection: 'articles',
        data: articleData({ title: `Artikel ${uid()}`, ...overrides }),
        ...system,
      })
    ).id
  article = await create({ _status: 'published' })
  closedArticle = await create({ _status: 'published', commentsEnabled: false })
  draftArticle = await create({})
})
afterAll(async () => ctx?.close())
beforeEach(async () => {
  await setCommentSettings(payload, {
    rateLimitPerMinute: 5,
    rateLimitPerHour: 30,
    autoApproveKnown: true,
  })
})

describe('posting through the form', () => {
  it('waits for moderation: the notice, an empty form, the comment stored as pending', async () => {
    const { state, result } = await submit({
      body: 'Zeile eins\nZeile zwei',
      formToken: formToken(),
    })
    expect(result.errors).toEqual([])
    expect(state).toMatchObject({
      outcome: 'pending',
      message: MESSAGES.pending,
      fieldErrors: {},
      commentId: null,
    })
    expect(state.values).toEqual({ authorName: '', authorEmail: '', body: '' })
    const id = result.data!.createComment!.id
    expect(await storedComment(payload, id)).toMatchObject({
      status: 'pending',
      signals: null,
      body: 'Zeile eins\nZeile zwei',
    })
  })

  it('says „veröffentlicht“ when the server approves a known commenter at once', async () => {
    const email = `stamm-${uid()}@example.com`
    await payload.create({
      collection: 'comments',
      data: {
        article,
        authorName: 'Stamm',
        authorEmail: email,
        body: 'Früher.',
        status: 'approved',
      } as any,
      ...system,
    })
    const { state, result } = await submit({ authorEmail: email, formToken: formToken() })
    expect(state).toMatchObject({
      outcome: 'approved',
      message: MESSAGES.approved,
      commentId: result.data!.createComment!.id,
    })
  })

  it('shows a comment filed as spam like any other: no hint for spammers', async () => {
    const { state, result } = await submit({
      body: 'https://a.example https://b.example https://c.example',
      formToken: formToken(),
    })
    expect((await storedComment(payload, result.data!.createComment!.id)).status).toBe('spam')
    expect(state).toMatchObject({ outcome: 'pending', message: MESSAGES.pending })
  })

  it('sends a reply with its parent', async () => {
    const parent = await payload.create({
      collection: 'comments',
      data: {
        article,
        authorName: 'Erste',
        authorEmail: 'erste@example.com',
        body: 'Oben.',
        status: 'approved',
      } as any,
      ...system,
    })
    const { state, result } = await submit({ parent: String(parent.id), formToken: formToken() })
    expect(state.outcome).toBe('pending')
    expect(await storedComment(payload, result.data!.createComment!.id)).toMatchObject({
      parent: parent.id,
      level: 2,
    })
  })
})

describe('errors, each where the reader looks for it, the input kept', () => {
  it('messages next to the fields for name, email and comment', async () => {
    const { state, submission } = await submit({ authorName: ' ', authorEmail: 'a@b', body: 'x' })
    expect(state.outcome).toBe('error')
    expect(state.fieldErrors).toEqual({
      authorName: 'Bitte einen Namen angeben.',
      authorEmail: 'Bitte eine gültige E-Mail-Adresse angeben.',
      body: 'Der Kommentar muss mindestens 2 Zeichen lang sein.',
    })
    expect(state.message).toBe(MESSAGES.checkFields)
    expect(state.values).toEqual(submission.values)
  })

  it('a filled honeypot, above the form', async () => {
    const { state } = await submit({ website: 'https://spam.example' })
    expect(state.fieldErrors).toEqual({})
    expect(state.message).toMatch(/Website/)
  })

  it('a reply to a comment that is not approved, above the form', async () => {
    const pending = await payload.create({
      collection: 'comments',
      data: {
        article,
        authorName: 'P',
        authorEmail: 'p@example.com',
        body: 'Wartet.',
        status: 'pending',
      } as any,
      ...system,
    })
    const { state } = await submit({ parent: String(pending.id) })
    expect(state).toMatchObject({ outcome: 'error', fieldErrors: {} })
    expect(state.message).toMatch(/nicht freigegeben/)
  })

  it.each([
    ['closed for comments (403)', () => closedArticle, /geschlossen/],
    ['unpublished (404)', () => draftArticle, /Artikel gibt es nicht/],
    ['unknown (404)', () => randomUUID(), /Artikel gibt es nicht/],
  ])('an article %s', async (_label, articleId, message) => {
    const { state, submission } = await submit({ article: articleId() })
    expect(state.outcome).toBe('error')
    expect(state.message).toMatch(message)
    expect(state.values).toEqual(submission.values)
  })

  it('the rate limit counts the reader forwarded by the site, not the site server', async () => {
    await setCommentSettings(payload, { rateLimitPerMinute: 2, rateLimitPerHour: 30 })
    const reader = nextIp()
    for (let i = 0; i < 2; i++) expect((await submit({}, { reader })).state.outcome).toBe('pending')
    const refused = await submit({ body: 'Noch einer.' }, { reader })
    expect(refused.result.errors[0].extensions?.statusCode).toBe(429)
    expect(refused.state.outcome).toBe('error')
    expect(refused.state.message).toMatch(
      /^Zu viele Kommentare in kurzer Zeit – bitte in 1 Minute erneut versuchen\.$/,
    )
    expect(refused.state.values.body).toBe('Noch einer.')
    // Another reader, through the same site server, is not affected.
    expect((await submit({}, { reader: nextIp() })).state.outcome).toBe('pending')
  })
})

describe('the form token for the next attempt', () => {
  const submission = (token: string | null): CommentSubmission => ({
    values: { authorName: 'A', authorEmail: 'a@example.com', body: 'Text' },
    article: 'x',
    parent: null,
    website: '',
    formToken: token,
  })

  it('is fresh after a post and the original one after an error', async () => {
    const original = formToken(30_000)
    expect(nextFormToken({ outcome: 'pending' }, submission(original), () => 'neu')).toBe('neu')
    expect(nextFormToken({ outcome: 'approved' }, submission(original), () => 'neu')).toBe('neu')
    expect(nextFormToken({ outcome: 'error' }, submission(original), () => 'neu')).toBe(original)
    expect(nextFormToken({ outcome: 'error' }, submission(null), () => 'neu')).toBeNull()
  })

  it('kept after an error, a long comment corrected quickly is still no spam', async () => {
    const body = 'Ein langer Kommentar, '.repeat(20)
    const token = formToken(90_000)
    const first = await submit({ authorEmail: 'falsch', body, formToken: token })
    expect(first.state.outcome).toBe('error')
    const again = nextFormToken(first.state, first.submission, () => formToken(0))
    const second = await submit({ body, formToken: again ?? '' })
    expect(second.state.outcome).toBe('pending')
    expect((await storedComment(payload, second.result.data!.createComment!.id)).signals).toBeNull()
  })
})
