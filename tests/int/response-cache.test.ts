import http from 'node:http'
import type { AddressInfo } from 'node:net'

import config from '@payload-config'
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { POST as graphqlHandler } from '@/app/(payload)/api/graphql/route'
import { readContentVersion } from '@/hooks/publicContentChanged'
import { createResponseCache, type ResponseCache } from '@/lib/responseCache/handler'
import { RecordingResponse, type RecordingServer } from '@/lib/http/recordingResponse'
import { requestPipeline } from '@/server/pipeline'
import { rest } from '../helpers/api'
import { articleData, createNewsroom, lexical, PASSWORD, type Newsroom } from '../helpers/fixtures'
import { imageFile, makeImage } from '../helpers/images'
import { startTestPayload, type TestPayload } from '../helpers/payload'

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
  pages: Map<string, string>
  versionReads: 'ok' | 'fail' | 'hang'
  pageHeaders: Record<string, string>
  /** Renders of URLs containing `langsam` wait for this after reading the data. */
  gate: Promise<void>
  server: RecordingServer
}

/**
 * Next.js's part, reduced: an ISR page cache per instance (by path, like Next's), emptied only
 * by `expireSiteCache`; a render stores what it read, even if it finishes after an expiry.
 */
async function renderPage(instance: Instance, request: http.IncomingMessage, response: http.ServerResponse) {
  const slug = request.url!.split('?')[0].split('/').pop()!
  let html = instance.pages.get(slug)
  const state = html ? 'HIT' : 'MISS'
  if (!html) {
    instance.renders++
    const { docs } = await payload.find({ collection: 'articles', where: { slug: { equals: slug } }, overrideAccess: false, depth: 0 })
    html = `<h1>${docs[0]?.title ?? 'Nicht gefunden'}</h1>`
    if (request.url!.includes('langsam')) await instance.gate
    instance.pages.set(slug, html)
  }
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 's-maxage=31536000', 'x-nextjs-cache': state, etag: `"${html.length}"`, ...instance.pageHeaders })
  response.end(html)
}

async function startInstance(): Promise<Instance> {
  const instance = { renders: 0, siteExpiries: 0, pages: new Map(), versionReads: 'ok', pageHeaders: {}, gate: Promise.resolve() } as unknown as Instance
  instance.cache = createResponseCache({
    readVersion: async () => {
      if (instance.versionReads === 'fail') throw new Error('database unavailable')
      if (instance.versionReads === 'hang') return new Promise<string>(() => undefined)
      return readContentVersion(payload)
    },
    expireSiteCache: async () => {
      instance.siteExpiries++
      instance.pages.clear()
    },
    readTimeoutMs: 300,
    bodyTimeoutMs: 500,
  })
  const handleRequest = requestPipeline({
    responseCache: instance.cache,
    api: { graphql: graphqlHandler, rest: (request) => handleEndpoints({ config, request }) },
    next: (req, res) => renderPage(instance, req, res),
  })
  instance.server = http.createServer({ ServerResponse: RecordingResponse }, (request, response) => void handleRequest(request, response))
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
  return { cache: response.headers.get('x-response-cache'), status: response.status, body: await response.json() }
}

async function page(instance: Instance, path = '/artikel/erste-fassung', headers: Record<string, string> = {}) {
  const response = await fetch(`${instance.url}${path}`, { headers })
  await instance.cache.settled()
  return { cache: response.headers.get('x-response-cache'), status: response.status, headers: response.headers, html: await response.text() }
}

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  sourceId = (await payload.create({ collection: 'sources', data: { name: 'Reuters', kind: 'agency' }, ...system })).id
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
      data: articleData({ title: 'Erste Fassung', _status: 'published', heroImage: imageId, sources: [sourceId] }),
      ...system,
    })
  ).id
  first = await startInstance()
  second = await startInstance()
})
afterAll(async () => {
  for (const instance of [first, second]) await new Promise((resolve) => instance?.server.close(resolve))
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
    await payload.update({ collection: 'articles', id: articleId, data: { title: 'Zweite Fassung', _status: 'published' }, ...system })
    for (const instance of [first, second]) {
      const { cache, body } = await ask(instance)
      expect(cache).toBe('MISS')
      expect(titleIn(body)).toBe('Zweite Fassung')
    }
  })

  it('an image change is visible at once', async () => {
    await ask(first)
    await payload.update({ collection: 'images', id: imageId, data: { alt: 'Neues Bild' }, ...system })
    expect((await ask(first)).body.data.Articles.docs[0].heroImage.alt).toBe('Neues Bild')
  })

  it('a source change is visible at once', async () => {
    await ask(first)
    await payload.update({ collection: 'sources', id: sourceId, data: { name: 'Reuters Deutschland' }, ...system })
    expect((await ask(first)).body.data.Articles.docs[0].sources[0].name).toBe('Reuters Deutschland')
  })

  it('a comment approval is visible at once; a new pending comment does not retire the cache', async () => {
    const comment = await payload.create({
      collection: 'comments',
      data: { article: articleId, authorName: 'Lea', authorEmail: 'lea@example.com', body: 'Erster Kommentar', status: 'pending' },
      ...system,
    })
    await ask(first)
    expect((await ask(first)).cache).toBe('HIT')
    await payload.update({ collection: 'comments', id: comment.id, data: { status: 'approved' }, ...system })
    const after = await ask(first)
    expect(after.cache).toBe('MISS')
    expect(after.body.data.Comments.docs.map((doc: any) => doc.body)).toEqual(['Erster Kommentar'])
  })

  it('editing the name on an approved comment is visible at once, also when the request selects fields', async () => {
    const comment = await payload.create({
      collection: 'comments',
      data: { article: articleId, authorName: 'Max Mustermann', authorEmail: 'max@example.com', body: 'Zweiter Kommentar', status: 'approved' },
      ...system,
    })
    const query = `{ Comments(where: { id: { equals: "${comment.id}" } }) { docs { authorName body } } }`
    await ask(first, {}, query)
    expect((await ask(first, {}, query)).cache).toBe('HIT')
    await payload.update({ collection: 'comments', id: comment.id, data: { authorName: 'M.' }, ...system })
    const renamed = await ask(first, {}, query)
    expect(renamed.cache).toBe('MISS')
    expect(renamed.body.data.Comments.docs[0].authorName).toBe('M.')

    const pending = await payload.create({
      collection: 'comments',
      data: { article: articleId, authorName: 'Ida', authorEmail: 'ida@example.com', body: 'Wartet noch', status: 'pending' },
      ...system,
    })
    const pendingQuery = `{ Comments(where: { id: { equals: "${pending.id}" } }) { docs { body } } }`
    await ask(first, {}, pendingQuery)
    expect((await ask(first, {}, pendingQuery)).cache).toBe('HIT')
    const approved = await rest('PATCH', `comments/${pending.id}?select[id]=true`, { token: newsroom.editor.token, body: { status: 'approved' } })
    expect(approved.status).toBe(200)
    const afterApproval = await ask(first, {}, pendingQuery)
    expect(afterApproval.cache).toBe('MISS')
    expect(afterApproval.body.data.Comments.docs).toEqual([{ body: 'Wartet noch' }])
  })

  it('a draft save never reaches anonymous readers, cached or not', async () => {
    await ask(first)
    await payload.update({ collection: 'articles', id: articleId, data: { title: 'Geheimer Entwurf', content: lexical('Geheim') }, draft: true, ...system })
    for (const instance of [first, second]) expect(titleIn((await ask(instance)).body)).toBe('Zweite Fassung')
    await payload.create({ collection: 'articles', data: articleData({ title: 'Nur Entwurf' }), ...system })
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
    const cookie = await ask(first, { cookie: `payload-token=${token}`, ...sameOrigin }, editorQuery)
    expect(cookie.cache).toBeNull()
    expect(JSON.stringify(cookie.body)).not.toBe(JSON.stringify(anonymous.body))
    // Payload trims cookie names: this logs the editor in as well.
    const spaced = `{ Articles(draft: true, sort: "-updatedAt", limit: 7) { docs { title } } }`
    const spacedCookie = await ask(first, { cookie: `theme=dark; payload-token =${token}`, ...sameOrigin }, spaced)
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
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${first.url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '200' } }, (response) => {
        let text = ''
        response.setEncoding('utf8').on('data', (chunk) => (text += chunk)).on('end', () => resolve({ status: response.statusCode!, body: text }))
      })
      request.on('error', reject)
      request.write('{"query":"{ Articles')
    })
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
    await payload.update({ collection: 'articles', id: articleId, data: { _status: 'draft' }, ...system })
    expect((await ask(first)).body.data.Articles.docs).toEqual([])
    await payload.update({ collection: 'articles', id: articleId, data: { title: 'Erste Fassung', _status: 'published' }, ...system })
  })
})

describe('response cache: site pages', () => {
  it('keeps what the site marks as shared-cacheable and serves it without the site', async () => {
    const miss = await page(first)
    expect(miss.cache).toBe('MISS')
    expect(miss.html).toBe('<h1>Erste Fassung</h1>')
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
    await payload.update({ collection: 'articles', id: articleId, data: { title: 'Dritte Fassung', _status: 'published' }, ...system })
    const after = await page(second)
    expect(second.siteExpiries).toBe(expiries + 1)
    expect(after.cache).toBe('MISS')
    expect(after.html).toBe('<h1>Dritte Fassung</h1>')
    expect((await page(second)).cache).toBe('HIT')
  })

  it('answers 304 to a matching If-None-Match from the cache', async () => {
    // node:http, not fetch: fetch adds `Cache-Control: no-cache` to conditional requests.
    const get = (headers: Record<string, string>) =>
      new Promise<http.IncomingMessage>((resolve, reject) => http.get(`${first.url}/artikel/erste-fassung`, { headers }, resolve).on('error', reject))
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
    expect((await page(first, '/artikel/vary-test', { 'accept-encoding': 'gzip' })).cache).toBe('HIT')
    expect((await page(first, '/artikel/vary-test', { 'accept-encoding': 'br' })).cache).toBe('MISS')
    first.pageHeaders = {}
  })

  it('does not keep answers that are private, set cookies or vary on unkeyed headers', async () => {
    const refused: Record<string, string>[] = [{ 'cache-control': 'private, no-store' }, { 'set-cookie': 'a=b' }, { vary: 'User-Agent' }]
    for (const [index, headers] of refused.entries()) {
      first.pageHeaders = headers
      const path = `/artikel/nicht-behalten-${index}`
      await page(first, path)
      expect((await page(first, path)).cache).toBe('MISS')
    }
    first.pageHeaders = {}
  })

  it.each(['fail', 'hang'] as const)('when content version reads %s, the site still answers (uncached)', async (mode) => {
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
  })

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
    await payload.update({ collection: 'articles', id: articleId, data: { title: 'Vierte Fassung', _status: 'published' }, ...system })
    const expiries = first.siteExpiries
    let waitingDone = false
    const next = page(first).then((result) => {
      waitingDone = true
      return result
    })
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(waitingDone).toBe(false)
    release()
    expect((await slow).html).toBe('<h1>Dritte Fassung</h1>')
    const fresh = await next
    expect(fresh.html).toBe('<h1>Vierte Fassung</h1>')
    // Once for the new version, once more after the old render had finished.
    expect(first.siteExpiries).toBe(expiries + 2)
    const again = await page(first)
    expect(again.cache).toBe('HIT')
    expect(again.html).toBe('<h1>Vierte Fassung</h1>')
    first.gate = Promise.resolve()
  })
})
