import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { clientIpFromHeaders, parseTrustedProxies, PEER_IP_HEADER } from '@/comments/clientIp'
import { installPeerIpStamp, isPeerIpStampInstalled } from '@/comments/peerIpStamp'

/** A real HTTP server on loopback: the stamp replaces whatever the client sends as the peer header. */
let server: http.Server
let port: number
const seen: http.IncomingHttpHeaders[] = []

beforeAll(async () => {
  installPeerIpStamp()
  server = http.createServer((req, res) => {
    seen.push({ ...req.headers })
    res.end('ok')
  })
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

describe('peer IP stamp', () => {
  it('installs once', () => {
    expect(isPeerIpStampInstalled()).toBe(true)
    expect(installPeerIpStamp()).toBe(false)
  })

  it('stamps the socket address on every request', async () => {
    const headers = await send({})
    expect(headers[PEER_IP_HEADER]).toMatch(/^(127\.0\.0\.1|::ffff:127\.0\.0\.1)$/)
  })

  it('overwrites a client-sent peer header', async () => {
    const headers = await send({ [PEER_IP_HEADER]: '203.0.113.66' })
    expect(headers[PEER_IP_HEADER]).not.toBe('203.0.113.66')
    expect(headers[PEER_IP_HEADER]).toMatch(/127\.0\.0\.1/)
  })

  it('feeds the client IP logic: a loopback peer is trusted, so its X-Forwarded-For counts', async () => {
    const headers = await send({ 'X-Forwarded-For': '203.0.113.5' })
    expect(clientIpFromHeaders(headers, parseTrustedProxies())).toBe('203.0.113.5')
    // With loopback not trusted, the same request is the peer itself.
    expect(clientIpFromHeaders(headers, parseTrustedProxies('10.0.0.0/8'))).toBe('127.0.0.1')
  })
})
