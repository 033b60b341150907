import http from 'node:http'

import {
  cacheKey,
  FOREVER,
  isAnonymousRead,
  isQueryOnly,
  MAX_GRAPHQL_BODY_BYTES,
  requestKind,
  storableFor,
  storedHeaders,
  type RequestKind,
  type StoredHeaders,
} from './policy'
import { ResponseStore, type Entry } from './store'
import type { ContentVersionWatch } from './versionWatch'

/** Hands a request to the application behind the cache (Next.js). */
export type Forward = (request: http.IncomingMessage, response: http.ServerResponse) => void

export type ResponseCacheOptions = {
  watch: ContentVersionWatch
  maxBytes?: number
  maxEntryBytes?: number
}

export type ResponseCache = {
  handle(request: http.IncomingMessage, response: http.ServerResponse, forward: Forward): Promise<void>
  /** Resolves when every answer being produced has been kept or dropped (the client may see it earlier). */
  settled(): Promise<void>
  store: ResponseStore
}

export const CACHE_STATUS_HEADER = 'x-response-cache'

/**
 * An in-process shared cache in front of Next.js for anonymous readers — what a reverse proxy's
 * micro-cache would do, but exact: every answer is kept under the content version that was
 * current when it was produced and when it was finished, and is served only while that version
 * is still current (see `ContentVersionWatch`). Site pages additionally wait for the version
 * sync before Next.js renders them, so Next's own caches are expired first after a change made
 * on another instance.
 */
export function createResponseCache({ watch, maxBytes = 64 * 2 ** 20, maxEntryBytes = 2 * 2 ** 20 }: ResponseCacheOptions): ResponseCache {
  const store = new ResponseStore(maxBytes, maxEntryBytes)

  async function answer(kind: RequestKind, key: string, version: string, request: http.IncomingMessage, response: http.ServerResponse, forward: Forward) {
    if (version === watch.known) store.useVersion(version)
    const hit = store.get(key, version)
    if (hit) return serve(hit, request, response)

    response.setHeader(CACHE_STATUS_HEADER, 'MISS')
    const captured = capture(response, maxEntryBytes)
    forward(request, response)
    const result = await captured
    if (!result) return
    const seconds = storableFor(kind, result.status, result.headers, result.body)
    if (seconds <= 0) return
    // Kept only if no change landed while it was produced.
    if ((await watch.version()) !== version || version !== watch.known) return
    store.useVersion(version)
    store.set(key, {
      version,
      headers: result.headers,
      body: result.body,
      expiresAt: seconds === FOREVER ? FOREVER : performance.now() + seconds * 1000,
    })
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse, forward: Forward): Promise<void> {
    const kind = requestKind(request.method, request.url)
    if (!kind) return forward(request, response)
    let forwarded: http.IncomingMessage | null = null
    const forwardOnce: Forward = (req, res) => {
      forwarded = req
      forward(req, res)
    }
    let current = request
    try {
      if (kind === 'page') {
        const version = await watch.version()
        if (!isAnonymousRead(request.headers)) return forwardOnce(request, response)
        return await answer(kind, cacheKey('GET', request.url!, request.headers), version, request, response, forwardOnce)
      }
      const length = Number(request.headers['content-length'])
      if (!isAnonymousRead(request.headers) || !(length > 0 && length <= MAX_GRAPHQL_BODY_BYTES)) {
        return forwardOnce(request, response)
      }
      const body = await readBody(request)
      current = replay(request, body)
      if (!isQueryOnly(body.toString('utf8'))) return forwardOnce(current, response)
      const version = await watch.version()
      return await answer(kind, cacheKey('POST', request.url!, request.headers, body.toString('utf8')), version, current, response, forwardOnce)
    } catch (error) {
      if (forwarded || response.headersSent || response.destroyed) return
      // The cache never stands between a reader and the site: without it, Next.js answers.
      console.error('[response-cache] bypassed after an error:', error)
      const bodyLost = kind === 'graphql' && current === request && request.readableDidRead
      if (bodyLost) response.destroy()
      else forwardOnce(current, response)
    }
  }

  const inFlight = new Set<Promise<void>>()
  function track(request: http.IncomingMessage, response: http.ServerResponse, forward: Forward): Promise<void> {
    const handling = handle(request, response, forward).finally(() => inFlight.delete(handling))
    inFlight.add(handling)
    return handling
  }
  async function settled(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight])
  }

  return { handle: track, settled, store }
}

function serve(entry: Entry, request: http.IncomingMessage, response: http.ServerResponse) {
  const etag = entry.headers.etag
  if (typeof etag === 'string' && request.headers['if-none-match'] === etag) {
    const notModified: StoredHeaders = { etag, [CACHE_STATUS_HEADER]: 'HIT' }
    for (const name of ['cache-control', 'vary']) if (entry.headers[name]) notModified[name] = entry.headers[name]
    response.writeHead(304, notModified)
    response.end()
    return
  }
  response.writeHead(200, { ...entry.headers, 'content-length': String(entry.body.byteLength), [CACHE_STATUS_HEADER]: 'HIT' })
  response.end(entry.body)
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.once('end', () => resolve(Buffer.concat(chunks)))
    request.once('error', reject)
  })
}

/** A request carrying the same head and an already-read body, for the application behind the cache. */
function replay(original: http.IncomingMessage, body: Buffer): http.IncomingMessage {
  const copy = new http.IncomingMessage(original.socket)
  copy.method = original.method
  copy.url = original.url
  copy.headers = original.headers
  copy.rawHeaders = original.rawHeaders
  copy.httpVersion = original.httpVersion
  copy.httpVersionMajor = original.httpVersionMajor
  copy.httpVersionMinor = original.httpVersionMinor
  copy.push(body)
  copy.push(null)
  copy.complete = true
  return copy
}

type Captured = { status: number; headers: StoredHeaders; body: Buffer }

/** Records what the application writes to `response` (up to `limit` bytes) without changing it. */
function capture(response: http.ServerResponse, limit: number): Promise<Captured | null> {
  const chunks: Buffer[] = []
  let size = 0
  let keepable = true
  const headHeaders: Record<string, unknown> = {}
  const keep = (chunk: unknown, encoding: unknown) => {
    if (!keepable || chunk === undefined || chunk === null || typeof chunk === 'function') return
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array)
    size += buffer.byteLength
    if (size > limit) {
      keepable = false
      chunks.length = 0
    } else chunks.push(buffer)
  }

  const { write, end, writeHead } = response
  response.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    const headers = typeof args[1] === 'string' ? args[2] : args[1]
    if (Array.isArray(headers)) keepable = false
    else if (headers && typeof headers === 'object') {
      for (const [name, value] of Object.entries(headers)) headHeaders[name.toLowerCase()] = value
    }
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args)
  } as typeof response.writeHead
  response.write = function (this: http.ServerResponse, ...args: unknown[]) {
    keep(args[0], args[1])
    return (write as (...a: unknown[]) => boolean).apply(this, args)
  } as typeof response.write
  response.end = function (this: http.ServerResponse, ...args: unknown[]) {
    keep(args[0], args[1])
    return (end as (...a: unknown[]) => http.ServerResponse).apply(this, args)
  } as typeof response.end

  return new Promise((resolve) => {
    response.once('finish', () =>
      resolve(
        keepable
          ? { status: response.statusCode, headers: storedHeaders({ ...response.getHeaders(), ...headHeaders }), body: Buffer.concat(chunks) }
          : null,
      ),
    )
    response.once('close', () => resolve(null))
  })
}
