import { gzipSync } from 'node:zlib'

import { describe, expect, it } from 'vitest'

import {
  cacheKey,
  GRAPHQL_MAX_AGE_SECONDS,
  isAnonymousRead,
  isQueryOnly,
  isSitePath,
  requestKind,
  sharedMaxAge,
  storableFor,
  storedHeaders,
  variesOnlyOnKeyedHeaders,
} from '@/lib/responseCache/policy'

const graphqlBody = (query: string) => JSON.stringify({ query })
const page = (headers: Record<string, string | string[]> = {}) => ({
  'cache-control': 's-maxage=31536000',
  ...headers,
})

describe('which requests the response cache considers', () => {
  it.each([
    ['POST', '/api/graphql', 'graphql'],
    ['POST', '/api/graphql?x=1', 'graphql'],
    ['GET', '/', 'page'],
    ['GET', '/artikel/ein-titel', 'page'],
    ['GET', '/seite/2?utm=x', 'page'],
    ['GET', '/feed.xml', 'page'],
    ['GET', '/api/graphql', null],
    ['GET', '/api/articles', null],
    ['GET', '/admin', null],
    ['GET', '/admin/collections/articles', null],
    ['GET', '/_next/static/chunk.js', null],
    ['GET', '/next/preview', null],
    ['HEAD', '/', null],
    ['POST', '/artikel/ein-titel', null],
    ['POST', '/api/comments', null],
    ['PATCH', '/api/graphql', null],
  ])('%s %s → %s', (method, url, kind) => {
    expect(requestKind(method, url)).toBe(kind)
  })

  it('keeps pages under /administration and /apis (only the exact prefixes are excluded)', () => {
    expect(isSitePath('/administration')).toBe(true)
    expect(isSitePath('/apis')).toBe(true)
    expect(isSitePath('/api')).toBe(false)
    expect(isSitePath('http://evil/')).toBe(false)
  })
})

describe('anonymous reads', () => {
  it.each([
    [{}, true],
    [{ cookie: 'theme=dark' }, true],
    [{ authorization: 'JWT abc' }, false],
    [{ authorization: 'users API-Key abc' }, false],
    [{ cookie: 'payload-token=abc' }, false],
    [{ cookie: 'theme=dark; payload-token=abc' }, false],
    [{ cookie: '__prerender_bypass=1' }, false],
    [{ cookie: '__next_preview_data=1' }, false],
    // Payload trims cookie names, so these log a user in too.
    [{ cookie: 'payload-token =abc' }, false],
    [{ cookie: 'theme=dark;payload-token=abc' }, false],
    [{ cookie: ' theme=dark ;  __prerender_bypass =1' }, false],
    [{ cookie: 'token-hint=1; mytoken=2' }, true],
    [{ 'cache-control': 'no-cache' }, false],
    [{ 'cache-control': 'max-age=0, no-store' }, false],
    [{ 'cache-control': 'max-age=0' }, true],
  ])('%j → %s', (headers, anonymous) => {
    expect(isAnonymousRead(headers)).toBe(anonymous)
  })
})

describe('GraphQL documents', () => {
  it('accepts queries, anonymous or named, with fragments', () => {
    expect(isQueryOnly(graphqlBody('{ Articles { docs { id } } }'))).toBe(true)
    expect(
      isQueryOnly(
        graphqlBody('query A { Articles { docs { ...F } } } fragment F on Article { id }'),
      ),
    ).toBe(true)
  })

  it('refuses mutations (also next to a query), subscriptions, broken JSON or documents', () => {
    expect(isQueryOnly(graphqlBody('mutation { createComment(data: {}) { id } }'))).toBe(false)
    expect(
      isQueryOnly(graphqlBody('query A { Articles { docs { id } } } mutation B { logoutUser }')),
    ).toBe(false)
    expect(isQueryOnly(graphqlBody('subscription { x }'))).toBe(false)
    expect(isQueryOnly('{"query":')).toBe(false)
    expect(isQueryOnly(graphqlBody('{ Articles {'))).toBe(false)
    expect(isQueryOnly(JSON.stringify({ query: 42 }))).toBe(false)
  })
})

describe('cache keys', () => {
  it('differ by URL, body and every keyed header, and ignore the rest', () => {
    const base = cacheKey('GET', '/a', {})
    expect(cacheKey('GET', '/a', {})).toBe(base)
    expect(cacheKey('GET', '/a', { 'user-agent': 'x', cookie: 'theme=dark' })).toBe(base)
    expect(cacheKey('GET', '/b', {})).not.toBe(base)
    expect(cacheKey('GET', '/a?x', {})).not.toBe(base)
    expect(cacheKey('POST', '/a', {})).not.toBe(base)
    expect(cacheKey('POST', '/a', {}, 'x')).not.toBe(cacheKey('POST', '/a', {}, 'y'))
    for (const name of [
      'accept-encoding',
      'origin',
      'rsc',
      'next-router-state-tree',
      'next-router-prefetch',
      'next-url',
      'sec-ch-prefers-color-scheme',
    ]) {
      expect(cacheKey('GET', '/a', { [name]: '1' })).not.toBe(base)
    }
  })

  it('cannot be confused by moving text between URL and body', () => {
    expect(cacheKey('POST', '/a', {}, 'b')).not.toBe(cacheKey('POST', '/ab', {}, ''))
  })
})

describe('which answers are kept', () => {
  const ok = Buffer.from('{"data":{"Articles":{"docs":[]}}}')

  it('GraphQL: complete 200 answers without errors, for at most a minute', () => {
    expect(GRAPHQL_MAX_AGE_SECONDS).toBe(60)
    expect(storableFor('graphql', 200, { 'content-type': 'application/json' }, ok)).toBe(
      GRAPHQL_MAX_AGE_SECONDS,
    )
    expect(
      storableFor('graphql', 200, {}, Buffer.from('{"data":null,"errors":[{"message":"x"}]}')),
    ).toBe(0)
    expect(storableFor('graphql', 500, {}, ok)).toBe(0)
    expect(storableFor('graphql', 200, { 'set-cookie': 'a=b' }, ok)).toBe(0)
  })

  it('GraphQL: looks inside compressed answers; unknown encodings are not kept', () => {
    expect(storableFor('graphql', 200, { 'content-encoding': 'gzip' }, gzipSync(ok))).toBe(
      GRAPHQL_MAX_AGE_SECONDS,
    )
    expect(
      storableFor('graphql', 200, { 'content-encoding': 'gzip' }, gzipSync('{"errors":[]}')),
    ).toBe(0)
    expect(storableFor('graphql', 200, { 'content-encoding': 'gzip' }, ok)).toBe(0)
    expect(storableFor('graphql', 200, { 'content-encoding': 'zstd' }, ok)).toBe(0)
  })

  it('pages: only what Next.js lets shared caches keep, for as long as it says', () => {
    expect(storableFor('page', 200, page(), ok)).toBe(31536000)
    expect(
      storableFor(
        'page',
        200,
        page({ 'cache-control': 's-maxage=60, stale-while-revalidate=30' }),
        ok,
      ),
    ).toBe(60)
    expect(
      storableFor(
        'page',
        200,
        page({ 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate' }),
        ok,
      ),
    ).toBe(0)
    expect(storableFor('page', 200, page({ 'cache-control': 'public, max-age=0' }), ok)).toBe(0)
    expect(storableFor('page', 200, {}, ok)).toBe(0)
    expect(storableFor('page', 404, page(), ok)).toBe(0)
    expect(storableFor('page', 200, page({ 'set-cookie': ['a=b'] }), ok)).toBe(0)
  })

  it('pages: never a stale copy Next.js is still revalidating', () => {
    expect(storableFor('page', 200, page({ 'x-nextjs-cache': 'STALE' }), ok)).toBe(0)
    expect(storableFor('page', 200, page({ 'x-nextjs-cache': 'HIT' }), ok)).toBe(31536000)
  })

  it('only answers that vary on keyed headers', () => {
    expect(variesOnlyOnKeyedHeaders('rsc, Next-Router-State-Tree, Accept-Encoding')).toBe(true)
    expect(variesOnlyOnKeyedHeaders(undefined)).toBe(true)
    expect(variesOnlyOnKeyedHeaders('Cookie')).toBe(false)
    expect(variesOnlyOnKeyedHeaders('*')).toBe(false)
    expect(storableFor('page', 200, page({ vary: 'User-Agent' }), ok)).toBe(0)
  })

  it('shared max-age: s-maxage wins over max-age; private, no-store and no-cache mean never', () => {
    expect(sharedMaxAge('max-age=10, s-maxage=20')).toBe(20)
    expect(sharedMaxAge('public, max-age=10')).toBe(10)
    expect(sharedMaxAge('private, s-maxage=10')).toBe(0)
    expect(sharedMaxAge('s-maxage=10, no-store')).toBe(0)
    expect(sharedMaxAge(undefined)).toBe(0)
  })

  it('stores the answer’s headers, not the connection’s or a cache lookup’s', () => {
    expect(
      storedHeaders({
        'Content-Type': 'text/html',
        Connection: 'keep-alive',
        'transfer-encoding': 'chunked',
        date: 'x',
        'content-length': 3,
        'x-response-cache': 'MISS',
        'x-nextjs-cache': 'MISS',
        'set-cookie': ['a'],
      }),
    ).toEqual({ 'content-type': 'text/html', 'set-cookie': ['a'] })
  })
})
