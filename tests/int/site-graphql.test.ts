import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { query } from '@/site/client'
import {
  getAdjacentArticles,
  getArticle,
  getArticleList,
  getArticlesBySource,
  getComments,
  getFeedArticles,
  getSitemapEntries,
  getSource,
} from '@/site/content'
import {
  AdjacentArticlesQuery,
  ArticleCommentsQuery,
  ArticleListQuery,
  ArticleQuery,
  FeedQuery,
  SitemapQuery,
  SourceQuery,
} from '@/site/documents'
import type { TypedDocumentString } from '@/site/gql/graphql'
import { graphql } from '../helpers/api'
import { createNewsroom, lexical, type Newsroom } from '../helpers/fixtures'
import { imageFile, makeImage } from '../helpers/images'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * Every document of the site's data layer against the real schema and access rules, as the
 * anonymous reader the site is: the expected shape for published content, and nothing readers
 * may not see (drafts, newer drafts of published articles, editorial notes, commenter emails).
 * The data-layer functions run through their real fetch client, answered in-process.
 */
let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom

const system = { overrideAccess: true, depth: 0 } as const
const SECRETS = [
  'Geheimer Entwurf',
  'UNVERÖFFENTLICHTE ÜBERARBEITUNG',
  'Interne Notiz der Redaktion',
  '@example.com',
  'importkey-',
  '@newsroom.test',
]

type Ids = Record<
  'ap' | 'kyodo' | 'image' | 'oldest' | 'older' | 'tieA' | 'tieB' | 'draft',
  { id: string; slug: string }
>
const ids = {} as Ids

const publishedArticle = (
  title: string,
  publishedAt: string,
  extra: Record<string, unknown> = {},
) => ({
  title,
  content: lexical(`${title}: erster Absatz.`, 'Zweiter Absatz.'),
  _status: 'published' as const,
  publishedAt,
  ...extra,
})

type FetchCall = {
  url: string
  init: RequestInit & { next?: { tags?: string[] } }
  body: { query: string; variables: Record<string, unknown>; extensions?: unknown }
}
let fetchCalls: FetchCall[] = []

/** The site's fetch client, answered by Payload's GraphQL route handler in-process. */
async function inProcessFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const body = JSON.parse(String(init.body))
  fetchCalls.push({ url: String(input), init, body })
  const authorization = (init.headers as Record<string, string>)?.Authorization
  const answer = await graphql(body.query, body.variables, {
    headers: authorization ? { Authorization: authorization } : {},
  })
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'Content-Type': 'application/json' },
  })
}

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)

  const ap = await payload.create({
    collection: 'sources',
    data: { name: 'The Associated Press', kind: 'agency', url: 'https://apnews.com' },
    ...system,
  })
  const kyodo = await payload.create({
    collection: 'sources',
    data: { name: 'Kyodo News', kind: 'agency' },
    ...system,
  })
  const png = await makeImage('png', 1800, 1200)
  const image = await payload.create({
    collection: 'images',
    data: {
      alt: 'Hafen von Yokohama',
      caption: 'Der Hafen am Abend.',
      credit: {
        author: 'Elionas2',
        license: 'cc-by-4.0',
        provider: 'Pixabay',
        sourceUrl: 'https://pixabay.com/de/photos/1',
      },
      importKey: 'importkey-image',
    },
    file: imageFile(png, 'hafen.png', 'image/png'),
    ...system,
  })
  const note = [{ text: 'Interne Notiz der Redaktion', kind: 'note' as const }]
  const oldest = await payload.create({
    collection: 'articles',
    data: publishedArticle('Ältester Bericht', '2024-05-01T08:00:00.000Z', {
      dateline: 'OTTAWA',
      heroImage: image.id,
      sources: [ap.id],
      editorialNotes: note,
      importKey: 'importkey-oldest',
      authors: [newsroom.author.id, newsroom.editor.id],
    }),
    ...system,
  })
  const older = await payload.create({
    collection: 'articles',
    data: publishedArticle('Zweiter Bericht', '2024-05-02T08:00:00.000Z', {
      sources: [ap.id, kyodo.id],
    }),
    ...system,
  })
  const tieA = await payload.create({
    collection: 'articles',
    data: publishedArticle('Gleichzeitig A', '2024-05-03T08:00:00.000Z'),
    ...system,
  })
  const tieB = await payload.create({
    collection: 'articles',
    data: publishedArticle('Gleichzeitig B', '2024-05-03T08:00:00.000Z'),
    ...system,
  })
  const draft = await payload.create({
    collection: 'articles',
    data: {
      title: 'Geheimer Entwurf',
      content: lexical('Geheimer Entwurf, nur für die Redaktion.'),
      sources: [kyodo.id],
      editorialNotes: note,
    },
    draft: true,
    ...system,
  })
  // A newer, unpublished draft on top of a published article.
  await payload.update({
    collection: 'articles',
    id: oldest.id,
    data: {
      title: 'UNVERÖFFENTLICHTE ÜBERARBEITUNG',
      content: lexical('UNVERÖFFENTLICHTE ÜBERARBEITUNG'),
    },
    draft: true,
    ...system,
  })
  const first = await payload.create({
    collection: 'comments',
    data: {
      article: oldest.id,
      authorName: 'Lea',
      authorEmail: 'lea@example.com',
      body: 'Sehr informativ.\nDanke!',
      status: 'approved',
    },
    ...system,
  })
  await payload.create({
    collection: 'comments',
    data: {
      article: oldest.id,
      parent: first.id,
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
      article: oldest.id,
      authorName: 'Tom',
      authorEmail: 'tom@example.com',
      body: 'Wartet noch.',
      status: 'pending',
    },
    ...system,
  })

  Object.assign(ids, {
    ap: { id: ap.id, slug: ap.slug! },
    kyodo: { id: kyodo.id, slug: kyodo.slug! },
    image: { id: image.id, slug: '' },
    oldest: { id: oldest.id, slug: oldest.slug! },
    older: { id: older.id, slug: older.slug! },
    tieA: { id: tieA.id, slug: tieA.slug! },
    tieB: { id: tieB.id, slug: tieB.slug! },
    draft: { id: draft.id, slug: draft.slug! },
  })
  vi.stubGlobal('fetch', inProcessFetch)
})

afterAll(async () => {
  vi.unstubAllGlobals()
  await ctx?.close()
})

/** Runs a data-layer document as an anonymous reader; fails on any GraphQL error. */
async function asReader<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const { status, body } = await graphql<TResult>(
    document.toString(),
    variables as Record<string, unknown>,
  )
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
  expect(status).toBe(200)
  const json = JSON.stringify(body)
  for (const secret of SECRETS) expect(json, `answer contains "${secret}"`).not.toContain(secret)
  return body.data as TResult
}

const PUBLISHED = { _status: { equals: 'published' as const } }
/** The home page's order: newest first, same moment by id (descending). */
const expectedOrder = () => {
  const [first, second] = [ids.tieA, ids.tieB].sort((a, b) => (a.id < b.id ? 1 : -1))
  return [first.slug, second.slug, ids.older.slug, ids.oldest.slug]
}

describe('each document, as an anonymous reader', () => {
  it('ArticleList: published articles, newest first, with card images', async () => {
    const data = await asReader(ArticleListQuery, { where: PUBLISHED, limit: 12, page: 1 })
    expect(data.Articles?.docs.map((doc) => doc.slug)).toEqual(expectedOrder())
    expect(data.Articles).toMatchObject({
      page: 1,
      totalPages: 1,
      totalDocs: 4,
      hasNextPage: false,
      hasPrevPage: false,
    })
    const oldest = data.Articles!.docs.find((doc) => doc.slug === ids.oldest.slug)!
    expect(oldest).toMatchObject({
      title: 'Ältester Bericht',
      dateline: 'OTTAWA',
      publishedAt: '2024-05-01T08:00:00.000Z',
    })
    expect(oldest.excerpt).toBe('Ältester Bericht: erster Absatz.')
    expect(oldest.heroImage).toMatchObject({ alt: 'Hafen von Yokohama', width: 1800, height: 1200 })
    expect(oldest.heroImage?.sizes?.thumbnail).toMatchObject({ width: 400 })
    expect(oldest.heroImage?.sizes?.card).toMatchObject({ width: 768 })
  })

  it('ArticleList: paginates', async () => {
    const data = await asReader(ArticleListQuery, { where: PUBLISHED, limit: 3, page: 2 })
    expect(data.Articles?.docs.map((doc) => doc.slug)).toEqual([ids.oldest.slug])
    expect(data.Articles).toMatchObject({
      page: 2,
      totalPages: 2,
      hasPrevPage: true,
      hasNextPage: false,
    })
  })

  it('Article: the published version with body, picture credit and sources', async () => {
    const data = await asReader(ArticleQuery, {
      where: { ...PUBLISHED, slug: { equals: ids.oldest.slug } },
    })
    const article = data.Articles?.docs[0]
    expect(article).toMatchObject({
      id: ids.oldest.id,
      title: 'Ältester Bericht',
      _status: 'published',
      language: 'de',
    })
    expect(JSON.stringify(article?.content)).toContain('Ältester Bericht: erster Absatz.')
    expect(article?.heroImage).toMatchObject({
      caption: 'Der Hafen am Abend.',
      creditLine: 'Elionas2 (CC BY 4.0), Pixabay',
      credit: {
        author: 'Elionas2',
        license: 'cc_by_4_0',
        provider: 'Pixabay',
        sourceUrl: 'https://pixabay.com/de/photos/1',
      },
    })
    expect(article?.heroImage?.sizes?.hero).toMatchObject({ width: 1600 })
    expect(article?.heroImage?.sizes?.og).toMatchObject({ width: 1200, height: 630 })
    expect(article?.sources).toEqual([
      {
        id: ids.ap.id,
        name: 'The Associated Press',
        slug: 'the-associated-press',
        url: 'https://apnews.com',
      },
    ])
  })

  it('Article: the byline names the authors in their order, and nothing else about them', async () => {
    const data = await asReader(ArticleQuery, {
      where: { ...PUBLISHED, slug: { equals: ids.oldest.slug } },
    })
    expect(data.Articles?.docs[0]?.byline).toEqual(['Anna Autorin', 'Emil Editor'])
    const none = await asReader(ArticleQuery, {
      where: { ...PUBLISHED, slug: { equals: ids.older.slug } },
    })
    expect(none.Articles?.docs[0]?.byline).toEqual([])
    // The site's data layer hands it to the page.
    expect((await getArticle(ids.oldest.slug))?.byline).toEqual(['Anna Autorin', 'Emil Editor'])
  })

  it('Article: a draft is not there, not even when asking for drafts', async () => {
    for (const draft of [undefined, true]) {
      const data = await asReader(ArticleQuery, {
        where: { slug: { equals: ids.draft.slug } },
        draft,
      })
      expect(data.Articles?.docs).toEqual([])
    }
    // Asking for drafts anonymously never yields the newer draft of a published article
    // (asReader also checks that its title appears nowhere in the answer).
    const newer = await asReader(ArticleQuery, {
      where: { slug: { equals: ids.oldest.slug } },
      draft: true,
    })
    for (const doc of newer.Articles?.docs ?? []) expect(doc.title).toBe('Ältester Bericht')
  })

  it('AdjacentArticles: older, newer and same-moment neighbours', async () => {
    const data = await asReader(AdjacentArticlesQuery, {
      older: { ...PUBLISHED, publishedAt: { less_than: '2024-05-02T08:00:00.000Z' } },
      newer: { ...PUBLISHED, publishedAt: { greater_than: '2024-05-02T08:00:00.000Z' } },
      same: { ...PUBLISHED, publishedAt: { equals: '2024-05-03T08:00:00.000Z' } },
    })
    expect(data.older?.docs.map((doc) => doc.slug)).toEqual([ids.oldest.slug])
    expect(data.newer?.docs.map((doc) => doc.slug)).toEqual([expectedOrder()[1]])
    expect(data.same?.docs.map((doc) => doc.slug)).toEqual(expectedOrder().slice(0, 2))
  })

  it('ArticleComments: approved comments only, never an email', async () => {
    const data = await asReader(ArticleCommentsQuery, {
      where: { article: { equals: ids.oldest.id }, status: { equals: 'approved' } },
      limit: 100,
    })
    expect(
      data.Comments?.docs.map((doc) => [doc.authorName, doc.body, doc.parent?.id ?? null]),
    ).toEqual([
      ['Lea', 'Sehr informativ.\nDanke!', null],
      ['Max', 'Finde ich auch.', data.Comments!.docs[0].id],
    ])
    // Even without the status filter, readers get approved comments only.
    const all = await asReader(ArticleCommentsQuery, {
      where: { article: { equals: ids.oldest.id } },
      limit: 100,
    })
    expect(all.Comments?.totalDocs).toBe(2)
  })

  it('Source: by slug', async () => {
    const data = await asReader(SourceQuery, { slug: 'the-associated-press' })
    expect(data.Sources?.docs).toEqual([
      {
        id: ids.ap.id,
        name: 'The Associated Press',
        slug: 'the-associated-press',
        url: 'https://apnews.com',
        kind: 'agency',
      },
    ])
  })

  it('Sitemap: published articles and sources only', async () => {
    const data = await asReader(SitemapQuery, { where: PUBLISHED, limit: 1000 })
    expect(data.Articles?.docs.map((doc) => doc.slug)).toEqual(expectedOrder())
    expect(data.Sources?.docs.map((doc) => doc.slug)).toEqual([
      'kyodo-news',
      'the-associated-press',
    ])
  })

  it('Feed: the newest published articles with their sources', async () => {
    const data = await asReader(FeedQuery, { where: PUBLISHED, limit: 2 })
    expect(data.Articles?.docs.map((doc) => doc.slug)).toEqual(expectedOrder().slice(0, 2))
  })
})

describe('the data layer', () => {
  it('asks anonymously, cached, with the revalidation tags', async () => {
    fetchCalls = []
    const article = await getArticle(ids.oldest.slug)
    expect(article?.title).toBe('Ältester Bericht')
    expect(fetchCalls).toHaveLength(1)
    const [{ url, init, body }] = fetchCalls
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/graphql$/)
    expect(init.method).toBe('POST')
    expect(init.next?.tags).toEqual(['site', `article:${ids.oldest.slug}`, 'images', 'sources'])
    // The article carries `commentsOpen`, which follows the clock: kept a minute at most.
    expect(init.next?.revalidate).toBe(60)
    expect(init.headers).not.toHaveProperty('Authorization')
    expect(init.headers).not.toHaveProperty('Cookie')
    expect(body.variables).not.toHaveProperty('draft')

    fetchCalls = []
    await getArticleList(1)
    expect(fetchCalls[0].init.cache).toBe('force-cache')
    expect(fetchCalls[0].init.next).toEqual({ tags: ['site', 'articles', 'images'] })
  })

  it('lists, pages, sources, sitemap and feed', async () => {
    expect((await getArticleList(1)).docs.map((doc) => doc.slug)).toEqual(expectedOrder())
    expect((await getArticleList(2)).docs).toEqual([])
    const source = await getSource('the-associated-press')
    expect(source?.name).toBe('The Associated Press')
    expect(
      (await getArticlesBySource({ id: source!.id, slug: source!.slug! }, 1)).docs.map(
        (doc) => doc.slug,
      ),
    ).toEqual([ids.older.slug, ids.oldest.slug])
    expect(
      (await getArticlesBySource({ id: ids.kyodo.id, slug: 'kyodo' }, 1)).docs.map(
        (doc) => doc.slug,
      ),
    ).toEqual([ids.older.slug])
    expect(await getSource('gibt-es-nicht')).toBeUndefined()
    const sitemap = await getSitemapEntries()
    expect(sitemap.articles.map((doc) => doc.slug)).toEqual(expectedOrder())
    expect((await getFeedArticles()).map((doc) => doc.slug)).toEqual(expectedOrder())
    expect(await getArticle(ids.draft.slug)).toBeUndefined()
  })

  it('previous and next follow the home page order, ties included', async () => {
    const order = expectedOrder()
    const bySlug = Object.fromEntries(Object.values(ids).map(({ id, slug }) => [slug, id]))
    const dates: Record<string, string> = {
      [ids.oldest.slug]: '2024-05-01T08:00:00.000Z',
      [ids.older.slug]: '2024-05-02T08:00:00.000Z',
      [ids.tieA.slug]: '2024-05-03T08:00:00.000Z',
      [ids.tieB.slug]: '2024-05-03T08:00:00.000Z',
    }
    for (const [index, slug] of order.entries()) {
      const { older, newer } = await getAdjacentArticles(bySlug[slug], slug, dates[slug])
      expect(older?.slug, `older than ${slug}`).toBe(order[index + 1])
      expect(newer?.slug, `newer than ${slug}`).toBe(order[index - 1])
    }
  })

  it('comments come with their thread structure, without emails', async () => {
    fetchCalls = []
    const comments = await getComments(ids.oldest.id)
    expect(comments.map((comment) => comment.authorName)).toEqual(['Lea', 'Max'])
    expect(comments[1].parent?.id).toBe(comments[0].id)
    expect(JSON.stringify(comments)).not.toContain('@example.com')
    expect(fetchCalls[0].init.next?.tags).toEqual(['site', `comments:${ids.oldest.id}`])
  })

  it('in preview sends the editor token, asks for drafts and bypasses the cache', async () => {
    fetchCalls = []
    const draft = await getArticle(ids.draft.slug, newsroom.editor.token)
    expect(draft).toMatchObject({ title: 'Geheimer Entwurf', _status: 'draft' })
    const newest = await getArticle(ids.oldest.slug, newsroom.editor.token)
    expect(newest?.title).toBe('UNVERÖFFENTLICHTE ÜBERARBEITUNG')
    const [{ init, body }] = fetchCalls
    expect(init.cache).toBe('no-store')
    expect(init.next).toBeUndefined()
    expect((init.headers as Record<string, string>).Authorization).toBe(
      `JWT ${newsroom.editor.token}`,
    )
    expect(body.variables.draft).toBe(true)
  })

  it('throws GraphQL errors with their message', async () => {
    const broken = {
      toString: () => '{ Articles { docs { gibtEsNicht } } }',
    } as unknown as TypedDocumentString<unknown, Record<string, never>>
    await expect(query(broken, {}, { tags: ['articles'] })).rejects.toThrow(/gibtEsNicht/)
  })

  it('asks once more under a new cache key when an error answer came with HTTP 200', async () => {
    const answers = [
      { status: 200, body: { data: null, errors: [{ message: 'database is busy' }] } },
      { status: 200, body: { data: { ok: true } } },
    ]
    const seen: FetchCall['body'][] = []
    const fake = vi.fn(async (_input: RequestInfo | URL, init: RequestInit = {}) => {
      seen.push(JSON.parse(String(init.body)))
      const { status, body } = answers.shift()!
      return new Response(JSON.stringify(body), { status })
    })
    vi.stubGlobal('fetch', fake)
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const doc = { toString: () => '{ ok }' } as unknown as TypedDocumentString<
        { ok: boolean },
        Record<string, never>
      >
      await expect(query(doc, {}, { tags: ['articles'] })).resolves.toEqual({ ok: true })
      expect(seen[0].extensions).toBeUndefined()
      expect(seen[1].extensions).toEqual({ retry: expect.any(Number) })
    } finally {
      consoleError.mockRestore()
      vi.stubGlobal('fetch', inProcessFetch)
    }
  })
})
