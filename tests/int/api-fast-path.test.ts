import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'

import { POST as graphqlRoute } from '@/app/(payload)/api/graphql/route'
import { PEER_IP_HEADER } from '@/lib/http/clientAddress'
import {
  apiFastPathEnabled,
  apiRoute,
  MAX_JSON_BODY_BYTES,
  type FetchHandler,
} from '@/lib/apiFastPath'
import { NEXT_SCOPE_HEADER } from '@/lib/revalidate'
import { RecordingResponse, type RecordingServer } from '@/lib/http/recordingResponse'
import { requestPipeline } from '@/server/pipeline'
import { createNewsroom, PASSWORD, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * The request pipeline's API fast path (step 3) on a real HTTP server with the real GraphQL and
 * REST handlers, as src/server/main.ts builds it (no response cache here: see
 * response-cache.test.ts). A stand-in for Next.js (step 4) records what reaches it.
 */
let ctx: TestPayload
let newsroom: Newsroom
let server: RecordingServer
let base: string
const reachedNext: string[] = []
let handler: FetchHandler = graphqlRoute
const restHandler: FetchHandler = (request) => handleEndpoints({ config, request })

beforeAll(async () => {
  ctx = await startTestPayload()
  newsroom = await createNewsroom(ctx.payload)
  const handleRequest = requestPipeline({
    responseCache: null,
    api: { graphql: (request) => handler(request), rest: restHandler },
    next: async (req, res) => {
      reachedNext.push(`${req.method} ${req.url}`)
      res.writeHead(200, { 'content-type': 'text/plain' }).end('next')
    },
  })
  server = http.createServer(
    { ServerResponse: RecordingResponse },
    (req, res) => void handleRequest(req, res),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await ctx?.close()
})

const postJson = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

describe('step 1c: broken %-encoding', () => {
  it('is a 400 with a message for every path, before the API or Next.js sees it (#15)', async () => {
    reachedNext.length = 0
    for (const [method, path] of [
      ['GET', '/artikel/%C3%28'],
      ['GET', '/%FF'],
      ['GET', '/api/articles/%E0%A4%A'],
      ['POST', '/api/sources/%C3%28'],
    ]) {
      const response = await fetch(`${base}${path}`, { method })
      expect(response.status, `${method} ${path}`).toBe(400)
      expect((await response.json()).errors[0].message).toMatch(/ungültige %-Kodierung/)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
    expect(reachedNext).toEqual([])
    expect((await fetch(`${base}/artikel/gr%C3%BC%C3%9Fe`)).status).toBe(200)
    expect(reachedNext).toEqual(['GET /artikel/gr%C3%BC%C3%9Fe'])
  })
})

describe('API fast path', () => {
  it('answers JSON POSTs to /api/graphql with the route’s handler, without Next.js', async () => {
    reachedNext.length = 0
    const response = await postJson({ query: '{ Sources { totalDocs } }' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    expect(await response.json()).toEqual({ data: { Sources: { totalDocs: 0 } } })
    expect(reachedNext).toEqual([])
  })

  it('passes the session cookie of a login through, and a token back in', async () => {
    const login = await postJson({
      query:
        'mutation($email: String!, $password: String!) { loginUser(email: $email, password: $password) { user { email } } }',
      variables: { email: newsroom.editor.email, password: PASSWORD },
    })
    const cookies = login.headers.getSetCookie()
    expect(cookies.some((cookie) => cookie.startsWith('payload-token='))).toBe(true)
    const token = cookies.find((cookie) => cookie.startsWith('payload-token='))!.split(';')[0]
    // As a browser sends it from the newsroom's own page (Payload's CSRF check, #15).
    const me = await postJson(
      { query: '{ meUser { user { email role } } }' },
      { cookie: token, 'sec-fetch-site': 'same-origin' },
    )
    expect((await me.json()).data.meUser.user).toEqual({
      email: newsroom.editor.email,
      role: 'editor',
    })
  })

  it('leaves everything else to Next.js', async () => {
    reachedNext.length = 0
    await (await fetch(`${base}/api/graphql?query={__typename}`)).text()
    await (await fetch(`${base}/api/graphql`, { method: 'OPTIONS' })).text()
    const form = new FormData()
    form.set('operations', JSON.stringify({ query: '{ __typename }' }))
    await (await fetch(`${base}/api/graphql`, { method: 'POST', body: form })).text()
    await (
      await fetch(`${base}/api/graphql-playground`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
    ).text()
    await (await fetch(`${base}/api/sources`)).text()
    await (await fetch(`${base}/api/images`, { method: 'POST', body: form })).text()
    await (
      await fetch(`${base}/seite/1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
    ).text()
    expect(reachedNext).toEqual([
      'GET /api/graphql?query={__typename}',
      'OPTIONS /api/graphql',
      'POST /api/graphql',
      'POST /api/graphql-playground',
      'GET /api/sources',
      'POST /api/images',
      'POST /seite/1',
    ])
  })

  it('answers REST writes with JSON bodies with Payload’s REST endpoints (status, message, access)', async () => {
    reachedNext.length = 0
    const headers = {
      'content-type': 'application/json',
      authorization: `JWT ${newsroom.editor.token}`,
    }
    const created = await fetch(`${base}/api/sources`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Kyodo', kind: 'agency' }),
    })
    expect(created.status).toBe(201)
    const { doc } = await created.json()
    expect(doc).toMatchObject({ name: 'Kyodo', slug: 'kyodo' })
    const patched = await fetch(`${base}/api/sources/${doc.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ name: 'Kyodo News' }),
    })
    expect((await patched.json()).doc.name).toBe('Kyodo News')
    const anonymous = await fetch(`${base}/api/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Niemand' }),
    })
    expect(anonymous.status).toBe(403)
    const invalid = await fetch(`${base}/api/sources`, {
      method: 'POST',
      headers,
      body: '{"name": ',
    })
    expect(invalid.status).toBeGreaterThanOrEqual(400)
    expect(invalid.status).toBeLessThan(500)
    const deleted = await fetch(`${base}/api/sources/${doc.id}`, { method: 'DELETE', headers })
    expect(deleted.status).toBe(200)
    expect(await ctx.payload.count({ collection: 'sources' })).toEqual({ totalDocs: 0 })
    expect(reachedNext).toEqual([])
  })

  it('gzips larger answers for clients that accept it', async () => {
    const query = `{ ${Array.from({ length: 120 }, (_, i) => `a${i}: __typename`).join(' ')} }`
    const plain = await fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' },
      body: JSON.stringify({ query }),
    })
    expect(plain.headers.get('content-encoding')).toBeNull()
    const text = await plain.text()
    expect(text.length).toBeGreaterThan(1024)
    const zipped = await fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query }),
    })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(zipped.headers.get('vary')).toMatch(/Accept-Encoding/)
    expect(await zipped.text()).toBe(text) // fetch decodes it
  })

  it('picks its routes by method, path and content type', () => {
    const json = { 'content-type': 'application/json; charset=utf-8' }
    expect(apiRoute({ method: 'POST', url: '/api/graphql', headers: json })).toBe('graphql')
    expect(apiRoute({ method: 'POST', url: '/api/graphql/?x=1', headers: json })).toBe('graphql')
    expect(apiRoute({ method: 'PATCH', url: '/api/graphql', headers: json })).toBeNull()
    expect(apiRoute({ method: 'POST', url: '/api/graphql-playground', headers: json })).toBeNull()
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE'])
      expect(apiRoute({ method, url: '/api/comments?depth=0', headers: json })).toBe('rest')
    expect(apiRoute({ method: 'GET', url: '/api/comments', headers: json })).toBeNull()
    expect(
      apiRoute({
        method: 'POST',
        url: '/api/comments',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
      }),
    ).toBeNull()
    expect(apiRoute({ method: 'POST', url: '/api/comments', headers: {} })).toBeNull()
    expect(apiRoute({ method: 'POST', url: '/artikel/x', headers: json })).toBeNull()
    expect(apiRoute({ method: 'POST', url: '/apix', headers: json })).toBeNull()
  })

  it('is on in production and development alike unless API_FAST_PATH turns it off', () => {
    expect(apiFastPathEnabled({ NODE_ENV: 'production' })).toBe(true)
    expect(apiFastPathEnabled({ NODE_ENV: 'development' })).toBe(true)
    for (const off of ['off', 'false', '0', 'OFF'])
      expect(apiFastPathEnabled({ API_FAST_PATH: off })).toBe(false)
  })

  it('refuses a body over the limit with 413 and a message', async () => {
    const response = await postJson({
      query: `{ Sources { totalDocs } } # ${'x'.repeat(MAX_JSON_BODY_BYTES)}`,
    })
    expect(response.status).toBe(413)
    expect((await response.json()).errors[0].message).toMatch(/zu groß/)
  })

  it('answers a GraphQL body that is not JSON with 400 and a message', async () => {
    const response = await fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":',
    })
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0].message).toMatch(/JSON/)
    expect((await postJson({ query: '{ Sources { totalDocs } }' })).status).toBe(200)
  })

  it('answers a Host header that forms no address with 400 and a message', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>(
      (resolve, reject) => {
        const request = http.request(
          `${base}/api/graphql`,
          { method: 'POST', headers: { host: 'a b', 'content-type': 'application/json' } },
          (response) => {
            let text = ''
            response
              .setEncoding('utf8')
              .on('data', (chunk) => (text += chunk))
              .on('end', () => resolve({ status: response.statusCode!, body: text }))
          },
        )
        request.on('error', reject)
        request.end(JSON.stringify({ query: '{ Sources { totalDocs } }' }))
      },
    )
    expect(status).toBe(400)
    expect(JSON.parse(body).errors[0].message).toMatch(/Host/)
  })

  it('hands the handler the peer address of step 1, not the one a client sends, and no claim of Next’s scope', async () => {
    let seen: (string | null)[] = []
    handler = async (request: Request) => {
      seen = [request.headers.get(PEER_IP_HEADER), request.headers.get(NEXT_SCOPE_HEADER)]
      return Response.json({ data: {} })
    }
    try {
      const forged = { [PEER_IP_HEADER]: '203.0.113.9', [NEXT_SCOPE_HEADER]: '1' }
      await (await postJson({ query: '{ __typename }' }, forged)).text()
    } finally {
      handler = graphqlRoute
    }
    expect(seen).toEqual(['127.0.0.1', null])
  })

  it('answers 500 with a message when the handler fails, and keeps serving', async () => {
    handler = async () => {
      throw new Error('kaputt')
    }
    try {
      const response = await postJson({ query: '{ __typename }' })
      expect(response.status).toBe(500)
      expect((await response.json()).errors[0].message).toBe('Something went wrong.')
    } finally {
      handler = graphqlRoute
    }
    const again = await postJson({ query: '{ Sources { totalDocs } }' })
    expect((await again.json()).data.Sources.totalDocs).toBe(0)
  })

  it('answers malformed input on the fast path with 4xx and a message, and stores nothing (#15)', async () => {
    const editor = {
      'content-type': 'application/json',
      authorization: `JWT ${newsroom.editor.token}`,
    }
    const source = await ctx.payload.create({
      collection: 'sources',
      data: { name: 'Reuters', kind: 'agency' },
      overrideAccess: true,
    })
    const cases: [string, string, Record<string, string>, string, RegExp][] = [
      [
        'PATCH',
        '/api/sources?where[createdAt][less_than]=bald',
        editor,
        '{"name":"X"}',
        /kein gültiges Datum/,
      ],
      ['DELETE', '/api/sources?where[name][equals][0][1]=Reuters', editor, '{}', /einzelner Wert/],
      ['PATCH', '/api/sources?where[name][near]=1,2', editor, '{"name":"X"}', /Geo-Felder/],
      ['PATCH', '/api/sources/%C3%28', editor, '{"name":"X"}', /ungültige %-Kodierung/],
      ['POST', '/api/%FF', editor, '{}', /ungültige %-Kodierung/],
      ['DELETE', '/api/sources/%E0%A4%A', editor, '{}', /ungültige %-Kodierung/],
      [
        'POST',
        '/api/users/verify/abc',
        { 'content-type': 'application/json' },
        '{}',
        /keine Bestätigung per E-Mail/,
      ],
      [
        'POST',
        '/api/graphql',
        { 'content-type': 'application/json' },
        '{"query":"subscription { x }"}',
        /subscription/,
      ],
    ]
    for (const [method, path, headers, body, message] of cases) {
      const response = await fetch(`${base}${path}`, { method, headers, body })
      const text = await response.text()
      expect(response.status, `${method} ${path}: ${text}`).toBeGreaterThanOrEqual(400)
      expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(500)
      expect(
        JSON.parse(text).errors?.[0]?.message ?? JSON.parse(text).message,
        `${method} ${path}`,
      ).toMatch(message)
    }
    expect(
      (await ctx.payload.find({ collection: 'sources', overrideAccess: true })).docs.map(
        (doc) => doc.name,
      ),
    ).toEqual(['Reuters'])
    await ctx.payload.delete({ collection: 'sources', id: source.id, overrideAccess: true })
  })

  it('refuses 300 count aliases from a reader at once with 400 (#15)', async () => {
    const query = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: Articles(limit: 1) { totalDocs }`).join(' ')} }`
    const started = performance.now()
    const response = await postJson({ query })
    expect(performance.now() - started).toBeLessThan(1000)
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0].message).toMatch(/höchstens 20 Listenabfragen/)
  })
})
