import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { interceptRequests, isIntercepting } from '@/lib/http/interceptRequests'

/** A real HTTP server whose own listener stands in for Next.js. */
let server: http.Server
let base: string
const trail: string[] = []

beforeAll(async () => {
  // Installed inner first, as src/instrumentation.ts does.
  interceptRequests('inner', (request, response, next) => {
    trail.push('inner')
    if (request.url === '/inner-answers') response.end('inner')
    else next(request, response)
  })
  interceptRequests('outer', (request, response, next) => {
    trail.push('outer')
    request.headers['x-outer'] = 'seen'
    next(request, response)
  })
  server = http.createServer((request, response) => {
    trail.push(`app ${request.headers['x-outer']}`)
    response.end('app')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

describe('interceptRequests', () => {
  it('runs the last installed first and hands the request on to the application', async () => {
    trail.length = 0
    expect(await (await fetch(`${base}/`)).text()).toBe('app')
    expect(trail).toEqual(['outer', 'inner', 'app seen'])
  })

  it('lets an interceptor answer without the application', async () => {
    trail.length = 0
    expect(await (await fetch(`${base}/inner-answers`)).text()).toBe('inner')
    expect(trail).toEqual(['outer', 'inner'])
  })

  it('installs each name once', async () => {
    expect(isIntercepting('outer')).toBe(true)
    expect(isIntercepting('elsewhere')).toBe(false)
    expect(interceptRequests('outer', (request, response, next) => next(request, response))).toBe(false)
    trail.length = 0
    await (await fetch(`${base}/`)).text()
    expect(trail).toEqual(['outer', 'inner', 'app seen'])
  })
})
