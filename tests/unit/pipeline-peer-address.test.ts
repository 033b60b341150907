import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { clientIpFromHeaders, parseTrustedProxies, PEER_IP_HEADER } from '@/lib/http/clientAddress'
import { NEXT_SCOPE_HEADER } from '@/lib/revalidate'
import { RecordingResponse, type RecordingServer } from '@/lib/http/recordingResponse'
import { requestPipeline } from '@/server/pipeline'

/**
 * The request pipeline's first step on a real HTTP server on loopback (no cache, no fast path;
 * a stand-in for Next.js records what reaches it): the peer address replaces whatever the
 * client sends as the peer header.
 */
let server: RecordingServer
let port: number
const seen: http.IncomingHttpHeaders[] = []

beforeAll(async () => {
  const handleRequest = requestPipeline({
    responseCache: null,
    api: null,
    next: async (req, res) => {
      seen.push({ ...req.headers })
      res.end('ok')
    },
  })
  server = http.createServer(
    { ServerResponse: RecordingResponse },
    (req, res) => void handleRequest(req, res),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

async function send(headers: Record<string, string>) {
  const response = await fetch(`http://127.0.0.1:${port}/`, { headers })
  await response.text()
  return seen.at(-1)!
}

describe('request pipeline, step 1: peer address', () => {
  it('stamps the socket address on every request', async () => {
    const headers = await send({})
    expect(headers[PEER_IP_HEADER]).toMatch(/^(127\.0\.0\.1|::ffff:127\.0\.0\.1)$/)
  })

  it('overwrites a client-sent peer header', async () => {
    const headers = await send({ [PEER_IP_HEADER]: '203.0.113.66' })
    expect(headers[PEER_IP_HEADER]).not.toBe('203.0.113.66')
    expect(headers[PEER_IP_HEADER]).toMatch(/127\.0\.0\.1/)
  })

  it('removes a client-sent claim to be in Next’s request scope, then marks what it hands to Next.js', async () => {
    const headers = await send({ [NEXT_SCOPE_HEADER]: 'forged' })
    expect(headers[NEXT_SCOPE_HEADER]).toBe('1')
  })

  it('feeds the client IP logic: a loopback peer is trusted, so its X-Forwarded-For counts', async () => {
    const headers = await send({ 'X-Forwarded-For': '203.0.113.5' })
    expect(clientIpFromHeaders(headers, parseTrustedProxies())).toBe('203.0.113.5')
    // With loopback not trusted, the same request is the peer itself.
    expect(clientIpFromHeaders(headers, parseTrustedProxies('10.0.0.0/8'))).toBe('127.0.0.1')
  })
})
