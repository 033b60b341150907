import { createHash } from 'node:crypto'

import { parse } from 'graphql'

type Handler = (request: Request) => Promise<Response>
type Entry = { body: string; contentType: string }

export type GraphQLCacheOptions = {
  /** The shared content version; entries of older versions are never served. */
  version: () => Promise<string>
  maxEntries?: number
  maxEntryBytes?: number
}

/** Only anonymous, ordinary reads: no token (header or cookie), no explicit no-cache. */
export function isAnonymousRead(headers: Headers): boolean {
  if (headers.get('authorization')) return false
  if (/(^|;\s*)[\w-]*-token=/.test(headers.get('cookie') ?? '')) return false
  return !/no-cache|no-store/i.test(headers.get('cache-control') ?? '')
}

/** True when every operation in the document is a query (never a mutation or subscription). */
export function isQueryOnly(body: string): boolean {
  try {
    const { query } = JSON.parse(body) as { query?: unknown }
    if (typeof query !== 'string') return false
    const document = parse(query)
    return document.definitions.every((definition) => definition.kind !== 'OperationDefinition' || definition.operation === 'query')
  } catch {
    return false
  }
}

/**
 * A response cache in front of Payload's GraphQL handler for anonymous readers. Entries are keyed
 * by the content version, so any change readers could see (publishing, an image, a source, an
 * approved comment) makes every older entry unreachable at once, on every server instance.
 * Requests with a token, mutations, errors and oversized answers always go to Payload.
 */
export function withAnonymousGraphQLCache(handler: Handler, options: GraphQLCacheOptions): Handler {
  const maxEntries = options.maxEntries ?? 1000
  const maxEntryBytes = options.maxEntryBytes ?? 512 * 1024
  const entries = new Map<string, Entry>()
  let currentVersion = ''

  return async (request) => {
    if (!isAnonymousRead(request.headers)) return handler(request)
    const body = await request.text()
    const forward = () => handler(new Request(request.url, { method: request.method, headers: request.headers, body }))
    if (!isQueryOnly(body)) return forward()

    const version = await options.version()
    if (version !== currentVersion) {
      entries.clear()
      currentVersion = version
    }
    const key = createHash('sha256').update(body).digest('base64url')
    const hit = entries.get(key)
    if (hit) {
      entries.delete(key)
      entries.set(key, hit)
      return new Response(hit.body, { status: 200, headers: { 'content-type': hit.contentType, 'x-graphql-cache': 'HIT' } })
    }

    const response = await forward()
    if (response.status !== 200) return response
    const text = await response.text()
    const headers = new Headers(response.headers)
    headers.set('x-graphql-cache', 'MISS')
    const cacheable = text.length <= maxEntryBytes && !text.includes('"errors":') && (await options.version()) === version
    if (cacheable) {
      entries.set(key, { body: text, contentType: headers.get('content-type') ?? 'application/json' })
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
    }
    return new Response(text, { status: 200, headers })
  }
}
