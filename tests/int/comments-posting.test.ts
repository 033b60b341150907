import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { hashClientIp, ipHashSecret } from '@/comments/secrets'
import { graphql, rest } from '../helpers/api'
import { articleData, createNewsroom, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'
import {
  countComments,
  formToken,
  nextIp,
  peerHeaders,
  POST_CHANNELS,
  postComment,
  setCommentSettings,
  storedComment,
  type PostChannel,
} from './comments-helpers'

/**
 * Reader comments through the Local API (overrideAccess: false), REST and GraphQL: one set of
 * rules on the server. The rate limit has its own file (comments-rate-limit.test.ts).
 */
let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
let article: string
let otherArticle: string
let draftArticle: string
let closedArticle: string

const system = { overrideAccess: true, depth: 0 } as const
const uid = () => randomUUID().slice(0, 8)

const comment = (overrides: Record<string, unknown> = {}) => ({
  article,
  authorName: 'Lea Leserin',
  // A new address each time: an earlier approved comment would make this a known commenter.
  authorEmail: `leserin-${uid()}@example.com`,
  body: `Ein sachlicher Kommentar ${uid()}.`,
  ...overrides,
})

async function systemComment(data: Record<string, unknown>) {
  return payload.create({ collection: 'comments', data: comment(data) as any, ...system })
}

const publishedArticle = async (overrides: Record<string, unknown> = {}) =>
  (
    await payload.create({
      collection: 'articles',
      data: articleData({ title: `Artikel ${uid()}`, _status: 'published', ...overrides }),
      ...system,
    })
  ).id

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  article = await publishedArticle()
  otherArticle = await publishedArticle()
  closedArticle = await publishedArticle({ commentsEnabled: false })
  draftArticle = (
    await payload.create({
      collection: 'articles',
      data: articleData({ title: 'Entwurf' }),
      ...system,
    })
  ).id
  // This file is about the rules, not the rate limit.
  await setCommentSettings(payload, { rateLimitPerMinute: 0, rateLimitPerHour: 0 })
})
afterAll(async () => ctx?.close())

async function anonymousSees(id: string): Promise<boolean> {
  const byRest = await rest('GET', `comments/${id}`)
  const byGraphql = await graphql('query ($id: String!) { Comment(id: $id) { id } }', { id })
  const listed = await rest('GET', `comments?where[id][equals]=${id}`)
  const seen = [
    byRest.status === 200,
    Boolean(byGraphql.body.data?.Comment),
    listed.body.docs?.length === 1,
  ]
  expect(new Set(seen).size, `REST by id, GraphQL and REST list agree: ${seen}`).toBe(1)
  return seen[0]
}

describe.each(POST_CHANNELS)('a reader posting via %s', (channel: PostChannel) => {
  it('gets a pending comment that readers cannot see until an editor approves it; the email never comes back', async () => {
    const email = `geheim-${uid()}@example.com`
    const outcome = await postComment(payload, channel, comment({ authorEmail: email }), {
      peer: nextIp(),
    })
    expect(outcome.ok, JSON.stringify(outcome.raw)).toBe(true)
    expect(outcome.doc.status).toBe('pending')
    expect(JSON.stringify(outcome.raw)).not.toContain(email)
    expect(outcome.doc.ipHash ?? undefined).toBeUndefined()
    const id = outcome.doc.id
    expect(await anonymousSees(id)).toBe(false)

    const approved = await rest('PATCH', `comments/${id}`, {
      token: newsroom.editor.token,
      body: { status: 'approved' },
    })
    expect(approved.status).toBe(200)
    expect(await anonymousSees(id)).toBe(true)

    const byId = await rest('GET', `comments/${id}?depth=1`)
    expect(byId.body).toMatchObject({
      authorName: 'Lea Leserin',
      status: 'approved',
      level: 1,
      byStaff: false,
    })
    expect(byId.body.createdAt).toBeTruthy()
    const list = await rest('GET', `comments?where[article][equals]=${article}&depth=2`)
    const query = await graphql(
      'query ($id: String!) { Comment(id: $id) { body authorEmail ipHash signals website formToken } }',
      { id },
    )
    expect(query.body.data.Comment).toMatchObject({
      authorEmail: null,
      ipHash: null,
      signals: null,
      website: null,
      formToken: null,
    })
    for (const body of [byId.body, list.body, query.body]) {
      const json = JSON.stringify(body)
      expect(json).not.toContain(email)
      expect(json).not.toMatch(/authorEmail":"|ipHash":"/)
    }
  })

  it('cannot choose the status or any server field; the stored IP is a keyed hash', async () => {
    const ip = nextIp()
    const outcome = await postComment(
      payload,
      channel,
      comment({
        status: 'approved',
        ipHash: 'selbst gemacht',
        byStaff: true,
        level: 1,
        signals: 'none',
        createdAt: '2000-01-01T00:00:00.000Z',
      }),
      { peer: ip },
    )
    expect(outcome.ok, JSON.stringify(outcome.raw)).toBe(true)
    const stored = await storedComment(payload, outcome.doc.id)
    expect(stored).toMatchObject({ status: 'pending', byStaff: false, level: 1, signals: null })
    expect(stored.ipHash).toBe(hashClientIp(ip, ipHashSecret()))
    expect(new Date(stored.createdAt).getFullYear()).toBeGreaterThan(2020)
    expect(JSON.stringify(stored)).not.toContain(ip)
    expect(JSON.stringify(await payload.kv.keys())).not.toContain(ip)
  })

  it('gets its name, email and body normalised', async () => {
    const outcome = await postComment(
      payload,
      channel,
      comment({
        authorName: '  Max \n Muster ',
        authorEmail: ' Max.Muster@Example.COM ',
        body: '  Zeile eins\r\nZeile zwei  ',
      }),
      { peer: nextIp() },
    )
    expect(outcome.ok, JSON.stringify(outcome.raw)).toBe(true)
    const stored = await storedComment(payload, outcome.doc.id)
    expect(stored).toMatchObject({
      authorName: 'Max Muster',
      authorEmail: 'max.muster@example.com',
      body: 'Zeile eins\nZeile zwei',
    })
  })
})

describe('rejections store nothing', () => {
  type Case = [
    label: string,
    data: () => Record<string, unknown> | Promise<Record<string, unknown>>,
    status: number,
    message: RegExp,
  ]
  const cases: Case[] = [
    ['an unknown article', () => comment({ article: randomUUID() }), 404, /Artikel gibt es nicht/],
    [
      'an unpublished article',
      () => comment({ article: draftArticle }),
      404,
      /Artikel gibt es nicht/,
    ],
    [
      'an article with comments switched off',
      () => comment({ article: closedArticle }),
      403,
      /geschlossen/,
    ],
    ['no article', () => comment({ article: undefined }), 400, /Artikel angeben/],
    [
      'a reply to a pending comment',
      async () => comment({ parent: (await systemComment({ status: 'pending' })).id }),
      400,
      /nicht freigegeben/,
    ],
    [
      'a reply to a rejected comment',
      async () => comment({ parent: (await systemComment({ status: 'rejected' })).id }),
      400,
      /nicht freigegeben/,
    ],
    [
      'a reply to a comment of another article',
      async () =>
        comment({
          parent: (await systemComment({ article: otherArticle, status: 'approved' })).id,
        }),
      400,
      /selben Artikel/,
    ],
    [
      'a reply to an unknown comment',
      () => comment({ parent: randomUUID() }),
      400,
      /selben Artikel/,
    ],
    [
      'a reply deeper than three levels',
      async () => {
        const first = await systemComment({ status: 'approved' })
        const second = await systemComment({ status: 'approved', parent: first.id })
        const third = await systemComment({ status: 'approved', parent: second.id })
        expect(third.level).toBe(3)
        return comment({ parent: third.id })
      },
      400,
      /3\. Ebene/,
    ],
    ['a one-character body', () => comment({ body: 'x' }), 400, /mindestens 2 Zeichen/],
    ['a body of spaces', () => comment({ body: '      ' }), 400, /mindestens 2 Zeichen/],
    [
      'a 5001-character body',
      () => comment({ body: 'x'.repeat(5001) }),
      400,
      /höchstens 5000 Zeichen/,
    ],
    ['an invalid email', () => comment({ authorEmail: 'keine-adresse' }), 400, /gültige E-Mail/],
    ['no email', () => comment({ authorEmail: '' }), 400, /E-Mail-Adresse angeben/],
    ['a too long name', () => comment({ authorName: 'N'.repeat(81) }), 400, /höchstens 80 Zeichen/],
    ['a filled honeypot', () => comment({ website: 'http://spam.example' }), 400, /Website/],
  ]

  describe.each(POST_CHANNELS)('via %s', (channel) => {
    it.each(cases)('%s', async (_label, makeData, status, message) => {
      const data = await makeData()
      const before = await countComments(payload)
      const outcome = await postComment(payload, channel, data, { peer: nextIp() })
      expect(outcome.ok, JSON.stringify(outcome.raw)).toBe(false)
      expect(outcome.status).toBe(status)
      expect(outcome.message).toMatch(message)
      expect(await countComments(payload)).toBe(before)
    })
  })

  it('names the field in the error data, for the form to show it next to the input', async () => {
    const outcome = await postComment(
      payload,
      'rest',
      comment({ body: 'x', authorEmail: 'nope' }),
      { peer: nextIp() },
    )
    expect(outcome.status).toBe(400)
    expect(outcome.data.errors.map((error: any) => error.path)).toEqual(['authorEmail', 'body'])
    const viaGraphql = await postComment(payload, 'graphql', comment({ body: 'x' }), {
      peer: nextIp(),
    })
    expect(viaGraphql.data.errors[0].path).toBe('body')
  })

  it('closes comments N days after publication, and says so', async () => {
    const old = await publishedArticle({
      publishedAt: new Date(Date.now() - 3 * 24 * 3600_000).toISOString(),
    })
    expect(
      (await postComment(payload, 'rest', comment({ article: old }), { peer: nextIp() })).ok,
    ).toBe(true)
    await setCommentSettings(payload, { closeAfterDays: 2 })
    try {
      const before = await countComments(payload)
      for (const channel of POST_CHANNELS) {
        const outcome = await postComment(payload, channel, comment({ article: old }), {
          peer: nextIp(),
        })
        expect(outcome.status).toBe(403)
        expect(outcome.message).toMatch(/geschlossen/)
      }
      expect(await countComments(payload)).toBe(before)
      expect(
        (await postComment(payload, 'rest', comment(), { peer: nextIp() })).ok,
        'a fresh article stays open',
      ).toBe(true)
    } finally {
      await setCommentSettings(payload, { closeAfterDays: null })
    }
  })
})

describe('replies', () => {
  it.each(POST_CHANNELS)(
    'a reader answers an approved comment up to the third level via %s',
    async (channel) => {
      const first = await systemComment({ status: 'approved' })
      const second = await postComment(payload, channel, comment({ parent: first.id }), {
        peer: nextIp(),
      })
      expect(second.ok, JSON.stringify(second.raw)).toBe(true)
      expect(second.doc.level).toBe(2)
      await payload.update({
        collection: 'comments',
        id: second.doc.id,
        data: { status: 'approved' },
        ...system,
      })
      const third = await postComment(payload, channel, comment({ parent: second.doc.id }), {
        peer: nextIp(),
      })
      expect(third.ok, JSON.stringify(third.raw)).toBe(true)
      expect(third.doc.level).toBe(3)
    },
  )

  it("answer a reader's REST post with relations as IDs, unless a depth is asked for", async () => {
    const first = await systemComment({ status: 'approved' })
    const second = await systemComment({ status: 'approved', parent: first.id })
    const posted = await rest('POST', 'comments', {
      body: comment({ parent: second.id }),
      headers: { 'x-newsroom-peer-ip': nextIp() },
    })
    expect(posted.status, JSON.stringify(posted.body)).toBe(201)
    expect(posted.body.doc).toMatchObject({
      article,
      parent: second.id,
      level: 3,
      status: 'pending',
    })
  })

  it('answer a REST post that asks for depth 2 with article and parent populated one level deep, not further', async () => {
    const first = await systemComment({ status: 'approved' })
    const second = await systemComment({ status: 'approved', parent: first.id })
    const posted = await rest('POST', 'comments?depth=2', {
      body: comment({ parent: second.id }),
      headers: { 'x-newsroom-peer-ip': nextIp() },
    })
    expect(posted.status, JSON.stringify(posted.body)).toBe(201)
    const { doc } = posted.body
    expect(doc.article).toMatchObject({ id: article, title: expect.stringMatching(/^Artikel /) })
    expect(doc.parent).toMatchObject({ id: second.id, article, parent: first.id })
  })

  it('keep their article and parent: moderation cannot move them', async () => {
    const first = await systemComment({ status: 'approved' })
    const reply = await systemComment({ status: 'approved', parent: first.id })
    const moved = await rest('PATCH', `comments/${reply.id}`, {
      token: newsroom.editor.token,
      body: { article: otherArticle, parent: null, body: 'Redigiert.' },
    })
    expect(moved.status).toBe(200)
    const stored = await storedComment(payload, reply.id)
    expect(stored).toMatchObject({ article: article, parent: first.id, body: 'Redigiert.' })
  })
})

describe('several new comments in one request', () => {
  // The decision of checkNewComment reaches applyCommentDecision through `req.context`: one
  // request with several creates must give each comment its own decision, never another's.
  const links = 'Quellen: https://a.example/1 https://b.example/2 https://c.example/3'

  it('two aliased GraphQL mutations: each comment is stored with its own values and status', async () => {
    const parent = await systemComment({ status: 'approved' })
    const reply = comment({ parent: parent.id, body: links })
    const plain = comment()
    const response = await graphql(
      `
        mutation ($a: mutationCommentInput!, $b: mutationCommentInput!) {
          a: createComment(data: $a) {
            id
          }
          b: createComment(data: $b) {
            id
          }
        }
      `,
      { a: reply, b: plain },
      { headers: peerHeaders(nextIp()) },
    )
    expect(response.body.errors, JSON.stringify(response.body)).toBeUndefined()
    const [a, b] = await Promise.all([
      storedComment(payload, response.body.data.a.id),
      storedComment(payload, response.body.data.b.id),
    ])
    expect(a).toMatchObject({
      body: links,
      authorEmail: reply.authorEmail,
      status: 'spam',
      level: 2,
      signals: 'links:3',
    })
    expect(b).toMatchObject({
      body: plain.body,
      authorEmail: plain.authorEmail,
      status: 'pending',
      level: 1,
      signals: null,
    })
  })

  it('Local API creates one after another on a shared req: each its own decision, none left behind', async () => {
    const req = { headers: new Headers(peerHeaders(nextIp())) } as any
    const options = {
      collection: 'comments',
      overrideAccess: false,
      user: null,
      depth: 0,
      req,
    } as const
    const first = comment({ body: links })
    const second = comment()
    const a = await payload.create({ ...options, data: first as any })
    const b = await payload.create({ ...options, data: second as any })
    expect(a).toMatchObject({ body: links, status: 'spam', level: 1 })
    expect(b).toMatchObject({ body: second.body, status: 'pending', level: 1 })
    expect(req.context.commentDecision).toBeUndefined()
  })

  it("Local API creates in parallel on a shared req never store one comment with another's values", async () => {
    const req = { headers: new Headers(peerHeaders(nextIp())) } as any
    const options = {
      collection: 'comments',
      overrideAccess: false,
      user: null,
      depth: 0,
      req,
    } as const
    const data: Record<string, any>[] = [
      comment({ body: links }),
      comment(),
      comment({ parent: (await systemComment({ status: 'approved' })).id }),
    ]
    const outcomes = await Promise.allSettled(
      data.map((input) => payload.create({ ...options, data: input as any })),
    )
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'rejected') {
        // The create whose decision was replaced fails closed.
        expect(outcome.reason).toMatchObject({
          status: 500,
          message: 'Der Kommentar konnte nicht geprüft werden.',
        })
        return
      }
      expect(outcome.value).toMatchObject({ body: data[i].body, level: data[i].parent ? 2 : 1 })
    })
    const stored = await payload.find({
      collection: 'comments',
      where: { authorEmail: { in: data.map((input) => input.authorEmail) } },
      overrideAccess: true,
      depth: 0,
      pagination: false,
    })
    for (const doc of stored.docs) {
      const input = data.find((candidate) => candidate.authorEmail === doc.authorEmail)!
      expect(doc).toMatchObject({ body: input.body, level: input.parent ? 2 : 1 })
    }
    expect(stored.docs).toHaveLength(
      outcomes.filter((outcome) => outcome.status === 'fulfilled').length,
    )
  })
})

describe('editors and admins replying as staff', () => {
  it.each(POST_CHANNELS)(
    'are approved at once, marked as staff, never rate-limited, via %s',
    async (channel) => {
      await setCommentSettings(payload, { rateLimitPerMinute: 1, rateLimitPerHour: 1 })
      try {
        const pending = await systemComment({ status: 'pending' })
        for (let i = 0; i < 3; i++) {
          const outcome = await postComment(
            payload,
            channel,
            {
              article,
              parent: pending.id,
              authorName: 'Redaktion',
              authorEmail: 'redaktion@newsroom.test',
              body: `Danke für den Hinweis (${i}).`,
            },
            { actor: newsroom.editor },
          )
          expect(outcome.ok, JSON.stringify(outcome.raw)).toBe(true)
          expect(outcome.doc).toMatchObject({ status: 'approved', byStaff: true, level: 2 })
        }
      } finally {
        await setCommentSettings(payload, { rateLimitPerMinute: 0, rateLimitPerHour: 0 })
      }
    },
  )

  it('may hold their own comment back, but still obey the structure', async () => {
    const held = await postComment(
      payload,
      'rest',
      comment({ status: 'pending', authorName: 'Ada' }),
      { actor: newsroom.admin },
    )
    expect(held.doc.status).toBe('pending')
    const foreign = await systemComment({ article: otherArticle, status: 'approved' })
    const wrongThread = await postComment(payload, 'graphql', comment({ parent: foreign.id }), {
      actor: newsroom.editor,
    })
    expect(wrongThread.status).toBe(400)
    const missing = await postComment(payload, 'rest', comment({ article: randomUUID() }), {
      actor: newsroom.editor,
    })
    expect(missing.status).toBe(404)
    const first = await systemComment({ status: 'approved' })
    const second = await systemComment({ status: 'approved', parent: first.id })
    const third = await systemComment({ status: 'approved', parent: second.id })
    const tooDeep = await postComment(payload, 'rest', comment({ parent: third.id }), {
      actor: newsroom.editor,
    })
    expect(tooDeep.status).toBe(400)
    // Staff may comment on a draft (an internal note never shows: readers see published articles only).
    expect(
      (
        await postComment(payload, 'rest', comment({ article: draftArticle }), {
          actor: newsroom.editor,
        })
      ).ok,
    ).toBe(true)
  })

  it('authors are readers here', async () => {
    const outcome = await postComment(payload, 'rest', comment({ status: 'approved' }), {
      actor: newsroom.author,
      peer: nextIp(),
    })
    expect(outcome.ok).toBe(true)
    expect(outcome.doc).toMatchObject({ status: 'pending', byStaff: false })
  })
})

describe('spam signals', () => {
  beforeEach(async () => {
    await setCommentSettings(payload, { spamAction: 'spam', blockList: '', maxLinks: 2 })
  })
  afterAll(async () => {
    await setCommentSettings(payload, { spamAction: 'spam', blockList: '', maxLinks: 2 })
  })

  const links = 'Quellen: https://a.example/1 https://b.example/2 https://c.example/3'

  it.each(POST_CHANNELS)(
    'more than two links go to spam, with the reason kept for editors, via %s',
    async (channel) => {
      const outcome = await postComment(
        payload,
        channel,
        comment({ body: links, formToken: formToken() }),
        { peer: nextIp() },
      )
      expect(outcome.ok, JSON.stringify(outcome.raw)).toBe(true)
      expect(outcome.doc.status).toBe('spam')
      expect(outcome.doc.signals ?? null).toBeNull()
      expect((await storedComment(payload, outcome.doc.id)).signals).toBe('links:3')
    },
  )

  it('two links are fine; the limit is a setting', async () => {
    const two = 'https://a.example und https://b.example'
    expect(
      (await postComment(payload, 'rest', comment({ body: two }), { peer: nextIp() })).doc.status,
    ).toBe('pending')
    await setCommentSettings(payload, { maxLinks: 1 })
    expect(
      (await postComment(payload, 'rest', comment({ body: two }), { peer: nextIp() })).doc.status,
    ).toBe('spam')
  })

  it('spam can be held for moderation instead', async () => {
    await setCommentSettings(payload, { spamAction: 'pending' })
    const outcome = await postComment(payload, 'graphql', comment({ body: links }), {
      peer: nextIp(),
    })
    expect(outcome.doc.status).toBe('pending')
    expect((await storedComment(payload, outcome.doc.id)).signals).toBe('links:3')
  })

  it('words of the editors’ block list, in body, name or email', async () => {
    const editorUpdate = await rest('POST', 'globals/comment-settings', {
      token: newsroom.editor.token,
      body: { blockList: 'casino*\nbillige uhren' },
    })
    expect(editorUpdate.status).toBe(200)
    for (const data of [
      { body: 'Die besten CASINOS hier!' },
      { authorName: 'Billige  Uhren' },
      { authorEmail: 'casino@example.com' },
    ]) {
      const outcome = await postComment(payload, 'rest', comment(data), { peer: nextIp() })
      expect(outcome.doc.status, JSON.stringify(data)).toBe('spam')
    }
    expect(
      (
        await postComment(payload, 'rest', comment({ body: 'Kasino ist ein anderes Wort.' }), {
          peer: nextIp(),
        })
      ).doc.status,
    ).toBe('pending')
  })

  it.each(['rest', 'graphql'] as const)(
    'a form sent faster than anyone types, or with a forged token, via %s',
    async (channel) => {
      const body =
        'Dies ist ein Kommentar mit gut hundert Zeichen, den niemand in einer Sekunde tippen kann, schon gar nicht.'
      const fast = await postComment(
        payload,
        channel,
        comment({ body, formToken: formToken(1000) }),
        { peer: nextIp() },
      )
      expect(fast.doc.status).toBe('spam')
      expect((await storedComment(payload, fast.doc.id)).signals).toMatch(/^fast:\d+ms$/)
      const forged = await postComment(
        payload,
        channel,
        comment({ body, formToken: 'lz0abc.0123456789abcdef0123456789abcdef' }),
        { peer: nextIp() },
      )
      expect(forged.doc.status).toBe('spam')
      expect((await storedComment(payload, forged.doc.id)).signals).toBe('token-invalid')
      const human = await postComment(
        payload,
        channel,
        comment({ body, formToken: formToken(90_000) }),
        { peer: nextIp() },
      )
      expect(human.doc.status).toBe('pending')
    },
  )
})

describe('known commenters', () => {
  const known = `stammleserin-${uid()}@example.com`

  beforeAll(async () => {
    await systemComment({ authorEmail: known, status: 'approved' })
  })
  afterAll(async () => {
    await setCommentSettings(payload, { autoApproveKnown: true })
  })

  it.each(POST_CHANNELS)(
    'are approved at once when they come through the form, via %s',
    async (channel) => {
      const outcome = await postComment(
        payload,
        channel,
        comment({ authorEmail: known.toUpperCase(), formToken: formToken() }),
        { peer: nextIp() },
      )
      expect(outcome.ok, JSON.stringify(outcome.raw)).toBe(true)
      expect(outcome.doc.status).toBe('approved')
      expect(await anonymousSees(outcome.doc.id)).toBe(true)
    },
  )

  it('wait for moderation without a form token, with a spam signal, or when auto-approval is off', async () => {
    expect(
      (await postComment(payload, 'rest', comment({ authorEmail: known }), { peer: nextIp() })).doc
        .status,
    ).toBe('pending')
    const links = 'https://a.example https://b.example https://c.example'
    expect(
      (
        await postComment(
          payload,
          'rest',
          comment({ authorEmail: known, body: links, formToken: formToken() }),
          { peer: nextIp() },
        )
      ).doc.status,
    ).toBe('spam')
    await setCommentSettings(payload, { autoApproveKnown: false })
    expect(
      (
        await postComment(
          payload,
          'rest',
          comment({ authorEmail: known, formToken: formToken() }),
          { peer: nextIp() },
        )
      ).doc.status,
    ).toBe('pending')
  })

  it('an email whose comments were only pending or rejected is not known', async () => {
    await setCommentSettings(payload, { autoApproveKnown: true })
    const unknown = `neu-${uid()}@example.com`
    await systemComment({ authorEmail: unknown, status: 'rejected' })
    await systemComment({ authorEmail: unknown, status: 'pending' })
    expect(
      (
        await postComment(
          payload,
          'graphql',
          comment({ authorEmail: unknown, formToken: formToken() }),
          { peer: nextIp() },
        )
      ).doc.status,
    ).toBe('pending')
  })
})
