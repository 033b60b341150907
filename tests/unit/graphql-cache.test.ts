import { describe, expect, it, vi } from 'vitest'

import { isAnonymousRead, isQueryOnly, withAnonymousGraphQLCache } from '@/lib/graphqlCache'

const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables })
const post = (payload: string, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload })

function setup(initialVersion = 'v1') {
  let version = initialVersion
  let calls = 0
  const handler = vi.fn(async (request: Request) => {
    calls++
    const { query } = JSON.parse(await request.text())
    return Response.json({ data: { answer: `${query}#${calls}` } })
  })
  const cached = withAnonymousGraphQLCache(handler, { version: async () => version, maxEntries: 2 })
  return { cached, handler, setVersion: (next: string) => (version = next) }
}

describe('isAnonymousRead', () => {
  it.each([
    [{}, true],
    [{ authorization: 'JWT abc' }, false],
    [{ authorization: 'Bearer abc' }, false],
    [{ cookie: 'payload-token=abc' }, false],
    [{ cookie: 'theme=dark; payload-token=abc' }, false],
    [{ cookie: 'theme=dark' }, true],
    [{ 'cache-control': 'no-cache' }, false],
    [{ 'cache-control': 'no-store' }, false],
  ])('%j → %s', (headers, expected) => {
    expect(isAnonymousRead(new Headers(headers))).toBe(expected)
  })
})

describe('isQueryOnly', () => {
  it.each([
    [body('{ Articles { docs { id } } }'), true],
    [body('query A { Articles { docs { id } } }'), true],
    [body('mutation { createComment(data: {}) { id } }'), false],
    [body('query A { a: Articles { docs { id } } } mutation B { deleteArticle(id: "1") { id } }'), false],
    [body('subscription { x }'), false],
    ['not json', false],
    [JSON.stringify({ query: 42 }), false],
    [body('{ broken'), false],
  ])('%s → %s', (payload, expected) => {
    expect(isQueryOnly(payload)).toBe(expected)
  })
})

describe('withAnonymousGraphQLCache', () => {
  it('answers a repeated anonymous query from the cache', async () => {
    const { cached, handler } = setup()
    const first = await cached(post(body('{ a }')))
    const second = await cached(post(body('{ a }')))
    expect(first.headers.get('x-graphql-cache')).toBe('MISS')
    expect(second.headers.get('x-graphql-cache')).toBe('HIT')
    expect(await second.json()).toEqual(await first.json())
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('distinguishes variables', async () => {
    const { cached, handler } = setup()
    await cached(post(body('{ a }', { slug: 'x' })))
    await cached(post(body('{ a }', { slug: 'y' })))
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it('never serves an entry of an older content version', async () => {
    const { cached, handler, setVersion } = setup()
    await cached(post(body('{ a }')))
    setVersion('v2')
    const after = await cached(post(body('{ a }')))
    expect(after.headers.get('x-graphql-cache')).toBe('MISS')
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it('does not store an answer computed while the version changed', async () => {
    let version = 'v1'
    const handler = vi.fn(async () => {
      version = 'v2'
      return Response.json({ data: { a: 1 } })
    })
    const cached = withAnonymousGraphQLCache(handler, { version: async () => version })
    await cached(post(body('{ a }')))
    await cached(post(body('{ a }')))
    expect(handler).toHaveBeenCalledTimes(2)
  })

  const bypassing: Record<string, string>[] = [{ authorization: 'JWT token' }, { cookie: 'payload-token=abc' }, { 'cache-control': 'no-cache' }]
  it.each(bypassing)(
    'passes %j straight through, never from or into the cache',
    async (headers: Record<string, string>) => {
      const { cached, handler } = setup()
      await cached(post(body('{ a }')))
      const response = await cached(post(body('{ a }'), headers))
      expect(response.headers.get('x-graphql-cache')).toBeNull()
      await cached(post(body('{ b }'), headers))
      const anonymous = await cached(post(body('{ b }')))
      expect(anonymous.headers.get('x-graphql-cache')).toBe('MISS')
      expect(handler).toHaveBeenCalledTimes(4)
    },
  )

  it('never caches mutations or errors', async () => {
    const handler = vi.fn(async (request: Request) => {
      const { query } = JSON.parse(await request.text())
      return Response.json(query.includes('bad') ? { errors: [{ message: 'nope' }] } : { data: { ok: true } })
    })
    const cached = withAnonymousGraphQLCache(handler, { version: async () => 'v' })
    for (let i = 0; i < 2; i++) {
      await cached(post(body('mutation { createComment { id } }')))
      await cached(post(body('{ bad }')))
    }
    expect(handler).toHaveBeenCalledTimes(4)
  })

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const { cached, handler } = setup()
    await cached(post(body('{ a }')))
    await cached(post(body('{ b }')))
    await cached(post(body('{ a }')))
    await cached(post(body('{ c }')))
    await cached(post(body('{ a }')))
    expect(handler).toHaveBeenCalledTimes(3)
    await cached(post(body('{ b }')))
    expect(handler).toHaveBeenCalledTimes(4)
  })
})
