import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from 'vitest'

import { RecordingResponse, type RecordingServer } from '@/lib/http/recordingResponse'

const DEFAULTS = [
  ['x-frame-options', 'DENY'],
  ['x-content-type-options', 'nosniff'],
] as const

let server: RecordingServer | undefined
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
)

/** Headers a client receives when `answer` writes the response (defaults given first). */
async function received(answer: (response: RecordingResponse) => void): Promise<Headers> {
  const listening: RecordingServer = http.createServer(
    { ServerResponse: RecordingResponse },
    (_request, response) => {
      response.sendWithHead(DEFAULTS)
      answer(response)
    },
  )
  server = listening
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve))
  const { port } = listening.address() as AddressInfo
  const response = await fetch(`http://127.0.0.1:${port}/`)
  await response.arrayBuffer()
  return response.headers
}

describe('RecordingResponse.sendWithHead', () => {
  it('sends the defaults with an answer written at once (writeHead with an object)', async () => {
    const headers = await received((response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain' })
      response.end('ok')
    })
    expect(headers.get('x-frame-options')).toBe('DENY')
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('content-type')).toBe('text/plain')
  })

  it('lets the answer’s own header win, whether given to writeHead (any case) or set before', async () => {
    const given = await received((response) => {
      response.writeHead(200, 'OK', { 'X-Frame-Options': 'SAMEORIGIN' })
      response.end()
    })
    expect(given.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(given.get('x-content-type-options')).toBe('nosniff')
    const set = await received((response) => {
      response.setHeader('X-Frame-Options', 'SAMEORIGIN')
      response.end('implicit head')
    })
    expect(set.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(set.get('x-content-type-options')).toBe('nosniff')
  })

  it('sends them with a raw header list too', async () => {
    const headers = await received((response) => {
      response.writeHead(204, ['X-Own', 'ja', 'X-Frame-Options', 'SAMEORIGIN'])
      response.end()
    })
    expect(headers.get('x-own')).toBe('ja')
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN')
  })
})
