import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'

import { POST as graphqlRoute } from '@/app/(payload)/api/graphql/route'
import { readContentVersion } from '@/globals/ContentVersion'
import { RecordingResponse, type RecordingServer } from '@/lib/http/recordingResponse'
import { createResponseCache } from '@/lib/responseCache/handler'
import { requestPipeline } from '@/server/pipeline'
import { createNewsroom, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * Security headers (#15) on every answer of the request pipeline: the API fast path (GraphQL,
 * REST writes, its errors), answers replayed from the response cache, and whatever Next.js
 * (a stand-in here) sends. tests/e2e/security-headers.spec.ts checks the real site and admin.
 */
let ctx: TestPayload
let newsroom: Newsroom
let server: RecordingServer
let base: string

beforeAll(async () => {
  ctx = await startTestPayload()
  newsroom = await createNewsroom(ctx.payload)
  const handleRequest = requestPipeline({
    responseCache: createResponseCache({
      readVersion: () => readContentVersion(ctx.payload),
      expireTags: async () => {},
    }),
    api: { graphql: graphqlRoute, rest: (request) => handleEndpoints({ config, request }) },
    next: async (req, res) => {
      const page = !req.url!.startsWith('/api')
      res.writeHead(200, {
        'content-type': page ? 'text/html; charset=utf-8' : 'application/json',
        ...(page ? { 'cache-control': 's-maxage=60' } : {}),
      })
      res.end(page ? '<h1>Seite</h1>' : '{}')
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

const API_CSP = "default-src 'none'; frame-ancestors 'none'"

function expectSecurityHeaders(response: Response, csp: RegExp | string, frames = 'DENY') {
  const headers = response.headers
  if (typeof csp === 'string') expect(headers.get('content-security-policy')).toBe(csp)
  else expect(headers.get('content-security-policy')).toMatch(csp)
  expect(headers.get('x-frame-options')).toBe(frames)
  expect(headers.get('x-content-type-options')).toBe('nosniff')
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
}

const graphqlPost = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  })

describe('security headers through the request pipeline', () => {
  it('on GraphQL answers of the fast path, fresh and replayed from the response cache', async () => {
    const fresh = await graphqlPost('{ Sources { totalDocs } }')
    expect(fresh.status).toBe(200)
    expect(fresh.headers.get('x-response-cache')).toBe('MISS')
    expectSecurityHeaders(fresh, API_CSP)
    const replayed = await graphqlPost('{ Sources { totalDocs } }')
    expect(replayed.headers.get('x-response-cache')).toBe('HIT')
    expectSecurityHeaders(replayed, API_CSP)
  })

  it('on REST writes and their errors', async () => {
    const created = await fetch(`${base}/api/sources`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `JWT ${newsroom.editor.token}`,
      },
      body: JSON.stringify({ name: 'Deutsche Presse-Agentur', kind: 'agency' }),
    })
    expect(created.status).toBe(201)
    expectSecurityHeaders(created, API_CSP)
    const refused = await fetch(`${base}/api/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"x"}',
    })
    expect(refused.status).toBe(403)
    expectSecurityHeaders(refused, API_CSP)
    const malformed = await fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    })
    expect(malformed.status).toBe(400)
    expectSecurityHeaders(malformed, API_CSP)
  })

  it('on what Next.js answers: site pages (framable by the admin only), the admin, the feed', async () => {
    const page = await fetch(`${base}/artikel/beispiel`)
    expectSecurityHeaders(
      page,
      /script-src 'self' 'unsafe-inline'.*frame-ancestors 'self'/,
      'SAMEORIGIN',
    )
    const cachedPage = await fetch(`${base}/artikel/beispiel`)
    expect(cachedPage.headers.get('x-response-cache')).toBe('HIT')
    expectSecurityHeaders(cachedPage, /frame-ancestors 'self'/, 'SAMEORIGIN')
    expectSecurityHeaders(await fetch(`${base}/admin`), /frame-ancestors 'none'/)
    expectSecurityHeaders(await fetch(`${base}/feed.xml`), API_CSP)
    expectSecurityHeaders(await fetch(`${base}/api/articles`), API_CSP)
  })

  it('HSTS only for requests that came over https through a trusted proxy', async () => {
    expect(
      (await graphqlPost('{ Sources { totalDocs } }')).headers.get('strict-transport-security'),
    ).toBeNull()
    // The test client is on loopback, a trusted proxy by default.
    const viaProxy = await graphqlPost('{ Articles { totalDocs } }', {
      'x-forwarded-proto': 'https',
    })
    expect(viaProxy.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    )
  })
})
