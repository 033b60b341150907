import { createHash } from 'node:crypto'
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'

import { parse } from 'graphql'

import { GRAPHQL_PATH } from '../apiFastPath'
import { CLOCK_DEPENDENT_MAX_AGE_SECONDS } from '../revalidate'

/**
 * What the response cache in front of Next.js may keep, as pure functions of method, URL,
 * headers and the answer. Two kinds of requests are candidates:
 * - `graphql`: an anonymous `POST /api/graphql` whose document only contains queries;
 * - `page`: a `GET` of a public site path, kept only when Next.js itself declares the answer
 *   cacheable by shared caches (its ISR pages send `s-maxage`; a public `max-age` counts too).
 * Everything else goes straight to Next.js.
 */

export type RequestKind = 'graphql' | 'page'
type Headers = Record<string, string | string[] | undefined>

export const MAX_GRAPHQL_BODY_BYTES = 64 * 1024

/** Request headers that select a different answer for the same URL; they are part of the key. */
const KEYED_HEADERS = [
  'accept',
  'accept-encoding',
  'content-type',
  'origin',
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  // Payload's Next.js config asks browsers for this client hint (admin theme) on every route.
  'sec-ch-prefers-color-scheme',
] as const

/** Paths that never hold public pages: the admin, the REST API, Next's assets and internal routes. */
const NOT_PAGES = /^\/(admin|api|_next|next)(\/|$)/

const header = (headers: Headers, name: string): string => {
  const value = headers[name]
  return Array.isArray(value) ? value.join(', ') : (value ?? '')
}

function pathOf(url: string): string {
  const end = url.search(/[?#]/)
  return end === -1 ? url : url.slice(0, end)
}

/** Site paths whose pages Next.js may serve from its own cache (for the version sync). */
export function isSitePath(url: string): boolean {
  return url.startsWith('/') && !NOT_PAGES.test(pathOf(url))
}

export function requestKind(
  method: string | undefined,
  url: string | undefined,
): RequestKind | null {
  if (!url) return null
  if (method === 'POST' && pathOf(url) === GRAPHQL_PATH) return 'graphql'
  if (method === 'GET' && isSitePath(url)) return 'page'
  return null
}

/**
 * Only anonymous, ordinary reads: no credentials (header or Payload token cookie), not in
 * Next.js draft/preview mode, and no explicit `Cache-Control: no-cache` from the client.
 */
export function isAnonymousRead(headers: Headers): boolean {
  if (header(headers, 'authorization')) return false
  if (cookieNames(header(headers, 'cookie')).some(isCredentialCookie)) return false
  return !/no-cache|no-store/i.test(header(headers, 'cache-control'))
}

// Payload reads `<prefix>-token`; Next.js's draft mode sets the other two.
const isCredentialCookie = (name: string): boolean =>
  name.endsWith('-token') || name === '__prerender_bypass' || name === '__next_preview_data'

/** Cookie names as Payload and Next.js read them: split on `;`, trimmed (`a =1` names `a`). */
function cookieNames(cookie: string): string[] {
  return cookie
    .split(';')
    .map((pair) => pair.split('=', 1)[0].trim())
    .filter(Boolean)
}

/** True when every operation in the GraphQL-over-HTTP body is a query (never a mutation or subscription). */
export function isQueryOnly(body: string): boolean {
  try {
    const { query } = JSON.parse(body) as { query?: unknown }
    if (typeof query !== 'string') return false
    return parse(query).definitions.every(
      (definition) => definition.kind !== 'OperationDefinition' || definition.operation === 'query',
    )
  } catch {
    return false
  }
}

export function cacheKey(method: string, url: string, headers: Headers, body = ''): string {
  const hash = createHash('sha256')
    .update(method)
    .update('\0')
    .update(url)
    .update('\0')
    .update(body)
  for (const name of KEYED_HEADERS) hash.update('\0').update(header(headers, name))
  return hash.digest('base64url')
}

export type StoredHeaders = Record<string, string | string[]>

/**
 * Response headers that describe one connection or one cache lookup, not the answer — and the
 * security headers, which step 1b of the pipeline sets for each request (HSTS only over https).
 */
const NOT_STORED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'date',
  'content-length',
  'x-response-cache',
  'x-nextjs-cache',
  'content-security-policy',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'strict-transport-security',
])

export function storedHeaders(headers: Record<string, unknown>): StoredHeaders {
  const kept: StoredHeaders = {}
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase()
    if (NOT_STORED.has(lower) || value === undefined) continue
    kept[lower] = Array.isArray(value) ? value.map(String) : String(value)
  }
  return kept
}

/** Whether every header the answer varies on is part of the key. */
export function variesOnlyOnKeyedHeaders(vary: string | string[] | undefined): boolean {
  const names = (Array.isArray(vary) ? vary.join(',') : (vary ?? ''))
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)
  return names.every((name) => (KEYED_HEADERS as readonly string[]).includes(name))
}

/** Seconds a shared cache may keep the answer by its `Cache-Control`, or 0. */
export function sharedMaxAge(cacheControl: string | undefined): number {
  if (!cacheControl || /(^|,)\s*(private|no-store|no-cache)\b/i.test(cacheControl)) return 0
  const sMaxAge = /(?:^|,)\s*s-maxage=(\d+)/i.exec(cacheControl)
  const maxAge = /(?:^|,)\s*max-age=(\d+)/i.exec(cacheControl)
  return Number(sMaxAge?.[1] ?? maxAge?.[1] ?? 0)
}

function decode(body: Buffer, encoding: string): Buffer | null {
  try {
    switch (encoding.trim().toLowerCase()) {
      case 'identity':
        return body
      case 'gzip':
        return gunzipSync(body)
      case 'br':
        return brotliDecompressSync(body)
      case 'deflate':
        return inflateSync(body)
      default:
        return null
    }
  } catch {
    return null
  }
}

/**
 * GraphQL answers are kept until the content version moves, but no longer than this: some
 * fields depend on the clock as well (`commentsOpen`; also the comment settings, read through
 * a short per-instance cache).
 */
export const GRAPHQL_MAX_AGE_SECONDS = CLOCK_DEPENDENT_MAX_AGE_SECONDS

/**
 * How long the answer may be kept (seconds; always only while the content version stays), or 0
 * when it must not be kept: only complete 200 answers without cookies; GraphQL answers without
 * errors, for `GRAPHQL_MAX_AGE_SECONDS`; pages only as long as Next.js allows shared caches to
 * keep them, and never a stale copy Next.js is still revalidating.
 */
export function storableFor(
  kind: RequestKind,
  status: number,
  headers: Record<string, unknown>,
  body: Buffer,
): number {
  const text = (name: string): string | undefined => {
    const value = headers[name]
    if (value === undefined || value === null) return undefined
    return Array.isArray(value) ? value.map(String).join(', ') : String(value)
  }
  if (status !== 200 || text('set-cookie') !== undefined) return 0
  if (!variesOnlyOnKeyedHeaders(text('vary'))) return 0
  if (kind === 'graphql') {
    const decoded = decode(body, text('content-encoding') ?? 'identity')
    return decoded && !decoded.includes('"errors":') ? GRAPHQL_MAX_AGE_SECONDS : 0
  }
  if ((text('x-nextjs-cache') ?? '').toUpperCase() === 'STALE') return 0
  return sharedMaxAge(text('cache-control'))
}
