import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import config from '@payload-config'
import { getPayload, handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { POST as graphqlHandler } from '@/app/(payload)/api/graphql/route'
import { readContentVersion } from '@/globals/ContentVersion'
import { createResponseCache, type ResponseCache } from '@/lib/responseCache/handler'
import { announcementsDone, changeChannel, onLocalChange } from '@/lib/responseCache/changes'
import { RedisChangeFeed, type ChangeFeed } from '@/lib/responseCache/redisFeed'
import { pageTags, touches } from '@/lib/responseCache/tags'
import { RecordingResponse, type RecordingServer } from '@/lib/http/recordingResponse'
import { requestPipeline } from '@/server/pipeline'
import { rest } from '../helpers/api'
import { articleData, createNewsroom, lexical, PASSWORD, type Newsroom } from '../helpers/fixtures'
import { imageFile, makeImage } from '../helpers/images'
import { closeTestPayload, startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * The response cache in the request pipeline (src/server/pipeline.ts) of real HTTP servers. Two
 * "instances" share one database, as two server instances would. Behind each cache: Payload's
 * real GraphQL handler on the API fast path, and a stand-in for Next.js's ISR pages with its own
 * page cache that only the version sync empties (as Next's would only be emptied by a tag
 * expiry on that instance).
 */
let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
let articleId: string
let imageId: string
let sourceId: string
const system = { overrideAccess: true, depth: 0 } as const

type Instance = {
  url: string
  cache: ResponseCache
  renders: number
  siteExpiries: number
  /** Reads of the content version token. */
  reads: number
  /** The tags of each expiry of the site's caches. */
  expired: string[][]
  /** The page cache, by path. */
  pages: Map<string, string>
  versionReads: 'ok' | 'fail' | 'hang'
  pageHeaders: Record<string, string>
  /** Renders of URLs containing `langsam` wait for this after reading the data. */
  gate: Promise<void>
  server: RecordingServer
}

/**
 * Next.js's part, reduced: an ISR page cache per instance (by path, like Next's), emptied only
 * by `expireTags` (for the pages those tags touch); a render stores what it read, even if it
 * finishes after an expiry. `/` lists the published titles; `/artikel/<slug>` shows the title,
 * the previous/next titles and the approved comments.
 */
async function renderHtml(path: string): Promise<string> {
  const reader = { overrideAccess: false, depth: 0 } as const
  if (path === '/') {
    const { docs } = await payload.find({ collection: 'articles', sort: '-publishedAt', ...reader })
    return `<ul>${docs.map((doc) => `<li>${doc.title}</li>`).join('')}</ul>`
  }
  const slug = path.split('/').pop()!
  const { docs } = await payload.find({
    collection: 'articles',
    where: { slug: { equals: slug } },
    ...reader,
  })
  const article = docs[0]
  if (!article) return '<h1>Nicht gefunden</h1>'
  const near = async (operator: 'less_than' | 'greater_than', sort: string) =>
    (
      await payload.find({
        collection: 'articles',
        where: { publishedAt: { [operator]: article.publishedAt } },
        sort,
        limit: 1,
        ...reader,
      })
    ).docs[0]?.title
  const [older, newer] = await Promise.all([
    near('less_than', '-publishedAt'),
    near('greater_than', 'publishedAt'),
  ])
  const comments = await payload.find({
    collection: 'comments',
    where: { article: { equals: article.id } },
    sort: 'createdAt',
    ...reader,
  })
  return [
    `<h1>${article.title}</h1>`,
    older || newer ? `<nav>${older ?? ''}|${newer ?? ''}</nav>` : '',
    comments.docs.length
      ? `<ol>${comments.docs.map((doc) => `<li>${doc.body}</li>`).join('')}</ol>`
      : '',
  ].join('')
}

async function renderPage(
  instance: Instance,
  request: http.IncomingMessage,
  response: http.ServerResponse,
) {
  const path = request.url!.split('?')[0]
  let html = instance.pages.get(path)
  const state = html ? 'HIT' : 'MISS'
  if (!html) {
    instance.renders++
    html = await renderHtml(path)
    if (request.url!.includes('langsam')) await instance.gate
    instance.pages.set(path, html)
  }
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 's-maxage=31536000',
    'x-nextjs-cache': state,
    etag: `"${html.length}"`,
    ...instance.pageHeaders,
  })
  response.end(html)
}

async function startInstance({
  feed,
  pollMs,
}: { feed?: ChangeFeed; pollMs?: number } = {}): Promise<Instance> {
  const instance = {
    renders: 0,
    siteExpiries: 0,
    expired: [],
    reads: 0,
    pages: new Map(),
    versionReads: 'ok',
    pageHeaders: {},
    gate: Promise.resolve(),
  } as unknown as Instance
  instance.cache = createResponseCache({
    feed,
    pollMs,
    readVersion: async () => {
      instance.reads++
      if (instance.versionReads === 'fail') throw new Error('database unavailable')
      if (instance.versionReads === 'hang') return new Promise<string>(() => undefined)
      return readContentVersion(payload)
    },
    expireTags: async (tags) => {
      instance.siteExpiries++
      instance.expired.push(tags)
      for (const path of instance.pages.keys())
        if (touches(pageTags(path), tags.includes('site') ? 'all' : new Set(tags)))
          instance.pages.delete(path)
    },
    readTimeoutMs: 300,
    bodyTimeoutMs: 500,
  })
  const handleRequest = requestPipeline({
    responseCache: instance.cache,
    api: { graphql: graphqlHandler, rest: (request) => handleEndpoints({ config, request }) },
    next: (req, res) => renderPage(instance, req, res),
  })
  instance.server = http.createServer(
    { ServerResponse: RecordingResponse },
    (request, response) => void handleRequest(request, response),
  )
  await new Promise<void>((resolve) => instance.server.listen(0, '127.0.0.1', resolve))
  instance.url = `http://127.0.0.1:${(instance.server.address() as AddressInfo).port}`
  return instance
}

let first: Instance
let second: Instance

const QUERY = `{ Articles(sort: "-publishedAt") { docs { id title heroImage { alt } sources { name } } } Comments { docs { body } } }`

async function ask(instance: Instance, headers: Record<string, string> = {}, query = QUERY) {
  const response = await fetch(`${instance.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  })
  await instance.cache.settled()
  return {
    cache: response.headers.get('x-response-cache'),
    status: response.status,
    body: await response.json(),
  }
}

async function page(
  instance: Instance,
  path = '/artikel/erste-fassung',
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${instance.url}${path}`, { headers })
  await instance.cache.settled()
  return {
    cache: response.headers.get('x-response-cache'),
    status: response.status,
    headers: response.headers,
    html: await response.text(),
  }
}

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  sourceId = (
    await payload.create({
      collection: 'sources',
      data: { name: 'Reuters', kind: 'agency' },
      ...system,
    })
  ).id
  imageId = (
    await payload.create({
      collection: 'images',
      data: { alt: 'Altes Bild', credit: { license: 'cc0', author: 'A', provider: 'P' } },
      file: imageFile(await makeImage('png', 200, 100), 'bild.png', 'image/png'),
      ...system,
    })
  ).id
  articleId = (
    await payload.create({
      collection: 'articles',
      data: articleData({
        title: 'Erste Fassung',
        _status: 'published',
        heroImage: imageId,
        sources: [sourceId],
      }),
      ...system,
    })
  ).id
  first = await startInstance()
  second = await startInstance()
})
afterAll(async () => {
  for (const instance of [first, second])
    await new Promise((resolve) => instance?.server.close(resolve))
  await ctx?.close()
})

const titleIn = (body: any) => body.data.Articles.docs[0].title

describe('response cache: anonymous GraphQL', () => {
  it('serves repeated anonymous queries from the cache, per instance', async () => {
    const miss = await ask(first)
    expect(miss.cache).toBe('MISS')
    expect(titleIn(miss.body)).toBe('Erste Fassung')
    const hit = await ask(first)
    expect(hit.cache).toBe('HIT')
    expect(hit.body).toEqual(miss.body)
    expect((await ask(second)).cache).toBe('MISS')
    expect((await ask(second)).cache).toBe('HIT')
  })

  it('publishing on one instance is visible through both at once', async () => {
    await payload.update({
      collection: 'articles',
      id: articleId,
      data: { title: 'Zweite Fassung', _status: 'published' },
      ...system,
    })
    for (const instance of [first, second]) {
      const { cache, body } = await ask(instance)
      expect(cache).toBe('MISS')
      expect(titleIn(body)).toBe('Zweite Fassung')
    }
  })

  it('an image change is visible at once', async () => {
    await ask(first)
    await payload.update({
      collection: 'images',
      id: imageId,
      data: { alt: 'Neues Bild' },
      ...system,
    })
    expect((await ask(first)).body.data.Articles.docs[0].heroImage.alt).toBe('Neues Bild')
  })

  it('a source change is visible at once', async () => {
    await ask(first)
    await payload.update({
      collection: 'sources',
      id: sourceId,
      data: { name: 'Reuters Deutschland' },
      ...system,
    })
    expect((await ask(first)).body.data.Articles.docs[0].sources[0].name).toBe(
      'Reuters Deutschland',
    )
  })

  it('a comment approval is visible at once; a new pending comment does not retire the cache', async () => {
    const comment = await payload.create({
      collection: 'comments',
      data: {
        article: articleId,
        authorName: 'Lea',
        authorEmail: 'lea@example.com',
        body: 'Erster Kommentar',
        status: 'pending',
      },
      ...system,
    })
    await ask(first)
    expect((await ask(first)).cache).toBe('HIT')
    await payload.update({
      collection: 'comments',
      id: comment.id,
      data: { status: 'approved' },
      ...system,
    })
    const after = await ask(first)
    expect(after.cache).toBe('MISS')
    expect(after.body.data.Comments.docs.map((doc: any) => doc.body)).toEqual(['Erster Kommentar'])
  })

  it('editing the name on an approved comment is visible at once, also when the request selects fields', async () => {
    const comment = await payload.create({
      collection: 'comments',
      data: {
        article: articleId,
        authorName: 'Max Mustermann',
        authorEmail: 'max@example.com',
        body: 'Zweiter Kommentar',
        status: 'approved',
      },
      ...system,
    })
    const query = `{ Comments(where: { id: { equals: "${comment.id}" } }) { docs { authorName body } } }`
    await ask(first, {}, query)
    expect((await ask(first, {}, query)).cache).toBe('HIT')
    await payload.update({
      collection: 'comments',
      id: comment.id,
      data: { authorName: 'M.' },
      ...system,
    })
    const renamed = await ask(first, {}, query)
    expect(renamed.cache).toBe('MISS')
    expect(renamed.body.data.Comments.docs[0].authorName).toBe('M.')

    const pending = await payload.create({
      collection: 'comments',
      data: {
        article: articleId,
        authorName: 'Ida',
        authorEmail: 'ida@example.com',
        body: 'Wartet noch',
        status: 'pending',
      },
      ...system,
    })
    const pendingQuery = `{ Comments(where: { id: { equals: "${pending.id}" } }) { docs { body } } }`
    await ask(first, {}, pendingQuery)
    expect((await ask(first, {}, pendingQuery)).cache).toBe('HIT')
    const approved = await rest('PATCH', `comments/${pending.id}?select[id]=true`, {
      token: newsroom.editor.token,
      body: { status: 'approved' },
    })
    expect(approved.status).toBe(200)
    const afterApproval = await ask(first, {}, pendingQuery)
    expect(afterApproval.cache).toBe('MISS')
    expect(afterApproval.body.data.Comments.docs).toEqual([{ body: 'Wartet noch' }])
  })

  it('a draft save never reaches anonymous readers, cached or not', async () => {
    await ask(first)
    await payload.update({
      collection: 'articles',
      id: articleId,
      data: { title: 'Geheimer Entwurf', content: lexical('Geheim') },
      draft: true,
      ...system,
    })
    for (const instance of [first, second])
      expect(titleIn((await ask(instance)).body)).toBe('Zweite Fassung')
    await payload.create({
      collection: 'articles',
      data: articleData({ title: 'Nur Entwurf' }),
      ...system,
    })
    expect(JSON.stringify((await ask(first)).body)).not.toContain('Nur Entwurf')
  })

  it('never serves another user’s view, nor keeps it', async () => {
    const { token } = newsroom.editor
    const editorQuery = `{ Articles(draft: true, sort: "-updatedAt") { docs { title } } }`
    const editor = await ask(first, { authorization: `JWT ${token}` }, editorQuery)
    expect(editor.cache).toBeNull()
    expect(JSON.stringify(editor.body)).toContain('Nur Entwurf')
    const anonymous = await ask(first, {}, editorQuery)
    expect(anonymous.cache).toBe('MISS')
    expect(JSON.stringify(anonymous.body)).not.toContain('Nur Entwurf')
    // Cookies as a browser sends them from the newsroom's own pages (Payload's CSRF check).
    const sameOrigin = { 'sec-fetch-site': 'same-origin' }
    const cookie = await ask(
      first,
      { cookie: `payload-token=${token}`, ...sameOrigin },
      editorQuery,
    )
    expect(cookie.cache).toBeNull()
    expect(JSON.stringify(cookie.body)).not.toBe(JSON.stringify(anonymous.body))
    // Payload trims cookie names: this logs the editor in as well.
    const spaced = `{ Articles(draft: true, sort: "-updatedAt", limit: 7) { docs { title } } }`
    const spacedCookie = await ask(
      first,
      { cookie: `theme=dark; payload-token =${token}`, ...sameOrigin },
      spaced,
    )
    expect(spacedCookie.cache).toBeNull()
    expect(JSON.stringify(spacedCookie.body)).toContain('Nur Entwurf')
    const afterwards = await ask(first, {}, spaced)
    expect(afterwards.cache).toBe('MISS')
    expect(JSON.stringify(afterwards.body)).not.toContain('Nur Entwurf')
  })

  it('keeps an answer at most a minute, since some fields follow the clock (commentsOpen)', async () => {
    const query = `{ Articles { docs { title commentsOpen } } }`
    await ask(first, {}, query)
    expect((await ask(first, {}, query)).cache).toBe('HIT')
    const now = performance.now.bind(performance)
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now() + 59_000)
    try {
      expect((await ask(first, {}, query)).cache).toBe('HIT')
      clock.mockImplementation(() => now() + 61_000)
      expect((await ask(first, {}, query)).cache).toBe('MISS')
    } finally {
      clock.mockRestore()
    }
  })

  it('a client asking for no-cache goes to Payload', async () => {
    await ask(first)
    expect((await ask(first, { 'cache-control': 'no-cache' })).cache).toBeNull()
  })

  it('mutations pass through with their body intact and are never kept', async () => {
    const login = `mutation { loginUser(email: "${newsroom.editor.email}", password: "${PASSWORD}") { token } }`
    for (let i = 0; i < 2; i++) {
      const { cache, body } = await ask(first, {}, login)
      expect(cache).toBeNull()
      expect(body.data.loginUser.token).toEqual(expect.any(String))
    }
  })

  it('answers with errors are not kept', async () => {
    const broken = '{ Articles { docs { noSuchField } } }'
    expect((await ask(first, {}, broken)).cache).toBe('MISS')
    expect((await ask(first, {}, broken)).cache).toBe('MISS')
  })

  it('a request body that does not arrive in time gets 408 with a message', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>(
      (resolve, reject) => {
        const request = http.request(
          `${first.url}/api/graphql`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': '200' },
          },
          (response) => {
            let text = ''
            response
              .setEncoding('utf8')
              .on('data', (chunk) => (text += chunk))
              .on('end', () => resolve({ status: response.statusCode!, body: text }))
          },
        )
        request.on('error', reject)
        request.write('{"query":"{ Articles')
      },
    )
    expect(status).toBe(408)
    expect(JSON.parse(body).errors[0].message).toMatch(/nicht innerhalb von 0.5 Sekunden/)
    expect((await ask(first)).status).toBe(200)
  })

  it('large request bodies go to Payload unread', async () => {
    const padded = `${QUERY} ${'#'.repeat(70 * 1024)}\n`
    const { cache, body } = await ask(first, {}, padded)
    expect(cache).toBeNull()
    expect(titleIn(body)).toBe('Zweite Fassung')
  })

  it('unpublishing is visible at once', async () => {
    await ask(first)
    await payload.update({
      collection: 'articles',
      id: articleId,
      data: { _status: 'draft' },
      ...system,
    })
    expect((await ask(first)).body.data.Articles.docs).toEqual([])
    await payload.update({
      collection: 'articles',
      id: articleId,
      data: { title: 'Erste Fassung', _status: 'published' },
      ...system,
    })
  })
})

describe('response cache: site pages', () => {
  it('keeps what the site marks as shared-cacheable and serves it without the site', async () => {
    const miss = await page(first)
    expect(miss.cache).toBe('MISS')
    expect(miss.html).toContain('<h1>Erste Fassung</h1>')
    const renders = first.renders
    const hit = await page(first)
    expect(hit.cache).toBe('HIT')
    expect(hit.html).toBe(miss.html)
    expect(hit.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(first.renders).toBe(renders)
  })

  it('a change made through another instance expires this instance’s own page cache before its next page', async () => {
    await page(second)
    await page(second)
    const expiries = second.siteExpiries
    await payload.update({
      collection: 'articles',
      id: articleId,
      data: { title: 'Dritte Fassung', _status: 'published' },
      ...system,
    })
    const after = await page(second)
    expect(second.siteExpiries).toBe(expiries + 1)
    expect(after.cache).toBe('MISS')
    expect(after.html).toContain('<h1>Dritte Fassung</h1>')
    expect((await page(second)).cache).toBe('HIT')
  })

  it('answers 304 to a matching If-None-Match from the cache', async () => {
    // node:http, not fetch: fetch adds `Cache-Control: no-cache` to conditional requests.
    const get = (headers: Record<string, string>) =>
      new Promise<http.IncomingMessage>((resolve, reject) =>
        http.get(`${first.url}/artikel/erste-fassung`, { headers }, resolve).on('error', reject),
      )
    const full = await get({})
    full.resume()
    await first.cache.settled()
    const etag = full.headers.etag!
    const response = await get({ 'if-none-match': etag })
    response.resume()
    expect(response.statusCode).toBe(304)
    expect(response.headers['x-response-cache']).toBe('HIT')
    expect(response.headers.etag).toBe(etag)
    const other = await get({ 'if-none-match': '"anders"' })
    other.resume()
    expect(other.statusCode).toBe(200)
  })

  it('preview and signed-in readers always reach the site and are never kept', async () => {
    for (const cookie of ['__prerender_bypass=1', `payload-token=${newsroom.editor.token}`]) {
      const renders = first.renders
      first.pages.clear()
      expect((await page(first, '/artikel/erste-fassung', { cookie })).cache).toBeNull()
      expect(first.renders).toBe(renders + 1)
    }
  })

  it('keys by the headers the answer varies on', async () => {
    first.pageHeaders = { vary: 'Accept-Encoding' }
    await page(first, '/artikel/vary-test', { 'accept-encoding': 'gzip' })
    expect((await page(first, '/artikel/vary-test', { 'accept-encoding': 'gzip' })).cache).toBe(
      'HIT',
    )
    expect((await page(first, '/artikel/vary-test', { 'accept-encoding': 'br' })).cache).toBe(
      'MISS',
    )
    first.pageHeaders = {}
  })

  it('does not keep answers that are private, set cookies or vary on unkeyed headers', async () => {
    const refused: Record<string, string>[] = [
      { 'cache-control': 'private, no-store' },
      { 'set-cookie': 'a=b' },
      { vary: 'User-Agent' },
    ]
    for (const [index, headers] of refused.entries()) {
      first.pageHeaders = headers
      const path = `/artikel/nicht-behalten-${index}`
      await page(first, path)
      expect((await page(first, path)).cache).toBe('MISS')
    }
    first.pageHeaders = {}
  })

  it.each(['fail', 'hang'] as const)(
    'when content version reads %s, the site still answers (uncached)',
    async (mode) => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
      first.versionReads = mode
      try {
        const result = await page(first)
        expect(result.status).toBe(200)
        expect(result.html).toContain('Fassung')
        expect(result.cache).toBeNull()
        const graphql = await ask(first)
        expect(graphql.status).toBe(200)
        expect(graphql.cache).toBeNull()
      } finally {
        first.versionReads = 'ok'
        error.mockRestore()
      }
    },
  )

  it('never keeps a stale copy the site is still revalidating', async () => {
    first.pageHeaders = { 'x-nextjs-cache': 'STALE' }
    await page(first, '/artikel/stale-test')
    expect((await page(first, '/artikel/stale-test')).cache).toBe('MISS')
    first.pageHeaders = {}
  })

  it('a page rendered from old data while a change lands is neither served nor left in the site’s cache', async () => {
    await page(first)
    let release!: () => void
    first.gate = new Promise<void>((resolve) => (release = resolve))
    first.pages.clear()
    // A render that has read the current title and is still running…
    const slow = page(first, '/artikel/erste-fassung?langsam=1')
    await vi.waitFor(() => expect(first.renders).toBeGreaterThan(0))
    await new Promise((resolve) => setTimeout(resolve, 50))
    // …when the title changes.
    await payload.update({
      collection: 'articles',
      id: articleId,
      data: { title: 'Vierte Fassung', _status: 'published' },
      ...system,
    })
    const expiries = first.siteExpiries
    let waitingDone = false
    const next = page(first).then((result) => {
      waitingDone = true
      return result
    })
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(waitingDone).toBe(false)
    release()
    expect((await slow).html).toContain('<h1>Dritte Fassung</h1>')
    const fresh = await next
    expect(fresh.html).toContain('<h1>Vierte Fassung</h1>')
    // Once for the new version, once more after the old render had finished.
    expect(first.siteExpiries).toBe(expiries + 2)
    const again = await page(first)
    expect(again.cache).toBe('HIT')
    expect(again.html).toContain('<h1>Vierte Fassung</h1>')
    first.gate = Promise.resolve()
  })
  it('a reader who leaves while their page waits for an older render does not hold up later changes', async () => {
    await page(first)
    let release!: () => void
    first.gate = new Promise<void>((resolve) => (release = resolve))
    first.pages.clear()
    const rendersBefore = first.renders
    const slow = page(first, '/artikel/erste-fassung?langsam=1')
    await vi.waitFor(() => expect(first.renders).toBeGreaterThan(rendersBefore))
    const { title } = await payload.findByID({ collection: 'articles', id: articleId, ...system })
    await payload.update({
      collection: 'articles',
      id: articleId,
      data: { title: `${title}, Leser geht`, _status: 'published' },
      ...system,
    })
    // A reader's page request now waits for the older render; the reader leaves meanwhile.
    const leaving = new AbortController()
    const gone = fetch(`${first.url}/artikel/erste-fassung`, { signal: leaving.signal }).catch(
      (error: Error) => error.name,
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    leaving.abort()
    expect(await gone).toBe('AbortError')
    await new Promise((resolve) => setTimeout(resolve, 50))
    release()
    await slow
    await page(first)
    first.gate = Promise.resolve()
    // The next change: the page shows it at once, not after the bound on waiting for older
    // renders (3 s) that a page counted as rendering forever would make every change wait out.
    await payload.update({
      collection: 'articles',
      id: articleId,
      data: { title: `${title}, danach`, _status: 'published' },
      ...system,
    })
    const started = performance.now()
    expect((await page(first)).html).toContain(`<h1>${title}, danach</h1>`)
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})

describe('response cache with Redis: changes by pub/sub, retiring only what they touch', () => {
  const REDIS = 'redis://127.0.0.1:6379'
  const saved = { url: process.env.REDIS_URL, prefix: process.env.REDIS_KEY_PREFIX }
  let writer: Instance
  let other: Instance
  const feeds: RedisChangeFeed[] = []
  const instances: Instance[] = []
  const slugs: Record<string, string> = {}

  /** An instance subscribed to this test's channel; `local`: it is the one the writes run on. */
  async function startRedisInstance(local: boolean, pollMs = 60_000): Promise<Instance> {
    const feed = new RedisChangeFeed(REDIS, changeChannel(), { local })
    feeds.push(feed)
    const instance = await startInstance({ feed, pollMs })
    instances.push(instance)
    await vi.waitFor(() => expect(instance.cache.changes.isLive).toBe(true))
    return instance
  }

  const publish = async (title: string, publishedAt: string) => {
    const doc = await payload.create({
      collection: 'articles',
      data: articleData({ title, _status: 'published', publishedAt }),
      ...system,
    })
    await announcementsDone()
    slugs[title] = doc.slug!
    return doc
  }

  /** Waits until `instance` has heard the changes announced so far (the pub/sub delivery window). */
  async function heard(instance: Instance, seq: number) {
    await vi.waitFor(() => expect(instance.cache.changes.seq).toBeGreaterThanOrEqual(seq), {
      timeout: 1_000,
      interval: 5,
    })
  }

  beforeAll(async () => {
    process.env.REDIS_URL = REDIS
    process.env.REDIS_KEY_PREFIX = `newsroom-test-${randomUUID()}:`
    globalThis.__newsroomRedis?.client.disconnect()
    globalThis.__newsroomRedis = undefined
    await publish('Januar', '2024-01-01T08:00:00.000Z')
    await publish('Februar', '2024-02-01T08:00:00.000Z')
    await publish('März', '2024-03-01T08:00:00.000Z')
    writer = await startRedisInstance(true)
    other = await startRedisInstance(false)
  })
  afterAll(async () => {
    for (const instance of instances) {
      instance.cache.stop()
      await new Promise((resolve) => instance.server.close(resolve))
    }
    for (const feed of feeds) await feed.close()
    // This run's keys (job claims, kv, rate limits) go with it.
    const redis = globalThis.__newsroomRedis?.client
    const keys = redis ? await redis.keys(`${process.env.REDIS_KEY_PREFIX}*`) : []
    if (keys.length) await redis!.del(...keys)
    globalThis.__newsroomRedis?.client.disconnect()
    globalThis.__newsroomRedis = undefined
    process.env.REDIS_URL = saved.url
    process.env.REDIS_KEY_PREFIX = saved.prefix
    if (saved.url === undefined) delete process.env.REDIS_URL
    if (saved.prefix === undefined) delete process.env.REDIS_KEY_PREFIX
  })

  const ARTICLES = '{ Articles(sort: "-publishedAt") { docs { title } } }'
  const COMMENTS = '{ Comments { docs { body } } }'

  /** Fills both instances' caches with the list, three article pages and two GraphQL answers. */
  async function warm() {
    for (const instance of [writer, other]) {
      for (const path of ['/', ...Object.values(slugs).map((slug) => `/artikel/${slug}`)]) {
        await page(instance, path)
        expect((await page(instance, path)).cache).toBe('HIT')
      }
      for (const query of [ARTICLES, COMMENTS]) {
        await ask(instance, {}, query)
        expect((await ask(instance, {}, query)).cache).toBe('HIT')
      }
    }
  }

  it('approving a comment on one article retires that article’s page and comment answers only, on every instance, without reading the database per request', async () => {
    const januar = (
      await payload.find({
        collection: 'articles',
        where: { slug: { equals: slugs['Januar'] } },
        ...system,
      })
    ).docs[0]
    const comment = await payload.create({
      collection: 'comments',
      data: {
        article: januar.id,
        authorName: 'Ute',
        authorEmail: 'ute@example.com',
        body: 'Gut recherchiert',
        status: 'pending',
      },
      ...system,
    })
    await announcementsDone()
    await warm()
    const reads = { writer: writer.reads, other: other.reads }
    const seq = writer.cache.changes.seq
    await payload.update({
      collection: 'comments',
      id: comment.id,
      data: { status: 'approved' },
      ...system,
    })
    await announcementsDone()
    // The writing instance applied it once its announcement was done (the server's step 3 waits
    // for that before answering a write; on PostgreSQL it follows the commit); the other hears
    // it by Redis.
    expect(writer.cache.changes.seq).toBe(seq + 1)
    await heard(other, other.cache.changes.seq + 1)
    for (const instance of [writer, other]) {
      const own = await page(instance, `/artikel/${slugs['Januar']}`)
      expect(own.cache).toBe('MISS')
      expect(own.html).toContain('<li>Gut recherchiert</li>')
      expect((await page(instance, `/artikel/${slugs['Februar']}`)).cache).toBe('HIT')
      expect((await page(instance, `/artikel/${slugs['März']}`)).cache).toBe('HIT')
      expect((await page(instance, '/')).cache).toBe('HIT')
      expect((await ask(instance, {}, ARTICLES)).cache).toBe('HIT')
      const comments = await ask(instance, {}, COMMENTS)
      expect(comments.cache).toBe('MISS')
      expect(JSON.stringify(comments.body)).toContain('Gut recherchiert')
      // Next's caches were expired for that article only, never for the whole site.
      expect(instance.expired.at(-1)).toEqual(
        expect.arrayContaining([`article:${slugs['Januar']}`]),
      )
      expect(instance.expired.at(-1)).not.toContain('site')
      expect(instance.expired.at(-1)).not.toContain('articles')
    }
    expect(writer.reads).toBe(reads.writer)
    expect(other.reads).toBe(reads.other)
  })

  it('publishing an article retires the lists and its neighbours’ pages, not the other articles', async () => {
    await warm()
    const seq = other.cache.changes.seq
    await publish('Mitte Februar', '2024-02-15T08:00:00.000Z')
    await heard(other, seq + 1)
    for (const instance of [writer, other]) {
      const list = await page(instance, '/')
      expect(list.cache).toBe('MISS')
      expect(list.html).toContain(
        '<li>März</li><li>Mitte Februar</li><li>Februar</li><li>Januar</li>',
      )
      const older = await page(instance, `/artikel/${slugs['Februar']}`)
      expect(older.cache).toBe('MISS')
      expect(older.html).toContain('<nav>Januar|Mitte Februar</nav>')
      const newer = await page(instance, `/artikel/${slugs['März']}`)
      expect(newer.cache).toBe('MISS')
      expect(newer.html).toContain('<nav>Mitte Februar|')
      expect((await page(instance, `/artikel/${slugs['Januar']}`)).cache).toBe('HIT')
      const answer = await ask(instance, {}, ARTICLES)
      expect(answer.cache).toBe('MISS')
      expect(JSON.stringify(answer.body)).toContain('Mitte Februar')
      expect((await ask(instance, {}, COMMENTS)).cache).toBe('HIT')
    }
  })

  /** A change whose pub/sub message is lost: published on a channel nobody listens to. */
  async function lostChange(title: string) {
    const prefix = process.env.REDIS_KEY_PREFIX
    process.env.REDIS_KEY_PREFIX = `${prefix}lost:`
    try {
      await payload.update({
        collection: 'articles',
        where: { slug: { equals: slugs['Januar'] } },
        data: { title },
        ...system,
      })
      await announcementsDone()
    } finally {
      process.env.REDIS_KEY_PREFIX = prefix
    }
  }

  it('a change whose message is lost is still seen within two poll intervals (the database token), retiring everything', async () => {
    const lonely = await startRedisInstance(false, 100)
    const path = `/artikel/${slugs['Januar']}`
    await page(lonely, path)
    expect((await page(lonely, path)).cache).toBe('HIT')
    await lostChange('Januar, verloren')
    const started = performance.now()
    await vi.waitFor(
      async () => expect((await page(lonely, path)).html).toContain('<h1>Januar, verloren</h1>'),
      { timeout: 2_000, interval: 20 },
    )
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(lonely.expired.at(-1)).toEqual(['site'])
  })

  it('while the subscription is down, requests read the database token again; on reconnecting it is read once more', async () => {
    const feed = new RedisChangeFeed(REDIS, changeChannel(), { local: false })
    feeds.push(feed)
    const cut = await startInstance({ feed, pollMs: 60_000 })
    instances.push(cut)
    await vi.waitFor(() => expect(cut.cache.changes.isLive).toBe(true))
    const path = `/artikel/${slugs['Januar']}`
    await page(cut, path)
    expect((await page(cut, path)).cache).toBe('HIT')
    const client = (feed as unknown as { client: { disconnect(reconnect?: boolean): void } }).client
    client.disconnect(false)
    await vi.waitFor(() => expect(cut.cache.changes.isLive).toBe(false))
    await lostChange('Januar, ohne Redis')
    const reads = cut.reads
    const during = await page(cut, path)
    expect(during.cache).toBe('MISS')
    expect(during.html).toContain('<h1>Januar, ohne Redis</h1>')
    expect(cut.reads).toBeGreaterThan(reads)
    // Reconnected: live again after one read, and a change lost in between retires everything.
    await lostChange('Januar, wieder da')
    ;(client as unknown as { connect(): Promise<void> }).connect()
    await vi.waitFor(() => expect(cut.cache.changes.isLive).toBe(true))
    const after = await page(cut, path)
    expect(after.html).toContain('<h1>Januar, wieder da</h1>')
    const live = cut.reads
    expect((await page(cut, path)).cache).toBe('HIT')
    expect(cut.reads).toBe(live)
  })

  it('a change whose publish failed is owed: everything is retired on every instance once Redis takes a publish again', async () => {
    await warm()
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const client = globalThis.__newsroomRedis!.client
    const publishFails = vi.spyOn(client, 'publish').mockRejectedValueOnce(new Error('Redis weg'))
    try {
      const seq = other.cache.changes.seq
      await payload.update({
        collection: 'articles',
        where: { slug: { equals: slugs['Februar'] } },
        data: { title: 'Februar, neu' },
        ...system,
      })
      await announcementsDone()
      expect(publishFails).toHaveBeenCalledTimes(1)
      // The next publish goes through, after a change of everything.
      await vi.waitFor(() => expect(other.cache.changes.seq).toBeGreaterThan(seq), {
        timeout: 2_000,
        interval: 10,
      })
      expect(other.expired.at(-1)).toEqual(['site'])
      expect((await page(other, `/artikel/${slugs['Februar']}`)).html).toContain(
        '<h1>Februar, neu</h1>',
      )
      expect((await page(other, `/artikel/${slugs['Januar']}`)).cache).toBe('MISS')
    } finally {
      publishFails.mockRestore()
      error.mockRestore()
    }
  })

  it('a scheduled publish runs once with two instances on one database, and reaches the lists and its neighbours on both within 2 s', async () => {
    // A second Payload on the same database, as a second server instance would run one.
    const otherPayload = await getPayload({ config, key: `zweite-instanz-${randomUUID()}` })
    const changes: string[][] = []
    const stopListening = onLocalChange((change) => changes.push(change.tags))
    try {
      const draft = await payload.create({
        collection: 'articles',
        data: articleData({ title: 'Ende Februar', publishedAt: '2024-02-20T08:00:00.000Z' }),
        draft: true,
        ...system,
      })
      await announcementsDone()
      await warm()
      await payload.jobs.queue({
        task: 'schedulePublish',
        waitUntil: new Date(Date.now() - 1_000),
        input: { type: 'publish', doc: { relationTo: 'articles', value: draft.id } },
      } as any)
      changes.length = 0
      const ran = performance.now()
      // What each instance's cron does at a tick (Payload's autoRun), on both at the same moment
      // (the test environment turns the cron off: JOBS_AUTORUN=false).
      vi.stubEnv('JOBS_AUTORUN', 'true')
      const tick = async (instance: Payload) => {
        if (await instance.config.jobs.shouldAutoRun!(instance)) {
          await instance.jobs.run({ queue: 'default', limit: 20 })
        }
        await announcementsDone()
      }
      await Promise.all([tick(payload), tick(otherPayload)])
      vi.unstubAllEnvs()
      // Whoever runs the queue otherwise (GET /api/payload-jobs/run, payload.jobs.run()), at once.
      await Promise.all([payload.jobs.run(), otherPayload.jobs.run()])
      await announcementsDone()
      const published = await payload.findVersions({
        collection: 'articles',
        where: { parent: { equals: draft.id }, 'version._status': { equals: 'published' } },
        ...system,
      })
      expect(published.totalDocs).toBe(1)
      expect(changes.filter((tags) => tags.includes(`article:${draft.slug}`))).toHaveLength(1)
      // Completed (and so deleted: deleteJobOnComplete), not failed.
      const { docs: jobs } = await payload.find({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'schedulePublish' } },
        ...system,
      })
      expect(jobs).toEqual([])

      await vi.waitFor(
        async () => {
          for (const instance of [writer, other]) {
            expect((await page(instance, '/')).html).toContain(
              '<li>März</li><li>Ende Februar</li><li>Mitte Februar</li>',
            )
            expect((await page(instance, `/artikel/${slugs['Mitte Februar']}`)).html).toContain(
              '|Ende Februar</nav>',
            )
            expect((await page(instance, `/artikel/${slugs['März']}`)).html).toContain(
              '<nav>Ende Februar|',
            )
          }
        },
        { timeout: 2_000, interval: 20 },
      )
      expect(performance.now() - ran).toBeLessThan(2_000)
      for (const instance of [writer, other])
        expect((await page(instance, `/artikel/${slugs['Februar']}`)).cache).toBe('HIT')
    } finally {
      stopListening()
      await closeTestPayload(otherPayload)
    }
  })
})
