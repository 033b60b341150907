import http from 'node:http'

import {
  cacheKey,
  isAnonymousRead,
  isQueryOnly,
  MAX_GRAPHQL_BODY_BYTES,
  requestKind,
  storableFor,
  storedHeaders,
  type RequestKind,
  type StoredHeaders,
} from './policy'
import { readRequestBody } from '../http/readRequestBody'
import { ResponseStore, type Entry } from './store'
import { ContentVersionWatch, TimeoutError, withTimeout } from './versionWatch'

/** Hands a request to the application behind the cache (Next.js). */
export type Forward = (request: http.IncomingMessage, response: http.ServerResponse) => void

export type ResponseCacheOptions = {
  /** Reads the shared content version (src/hooks/publicContentChanged.ts). */
  readVersion: () => Promise<string>
  /**
   * Expires the application's own caches of site pages and data (Next.js's, tag `site`);
   * resolves once they are expired.
   */
  expireSiteCache: () => Promise<void>
  maxBytes?: number
  maxEntryBytes?: number
  readTimeoutMs?: number
  bodyTimeoutMs?: number
}

export type ResponseCache = {
  handle(request: http.IncomingMessage, response: http.ServerResponse, forward: Forward): Promise<void>
  /** Resolves when every answer being produced has been kept or dropped (the client may see it earlier). */
  settled(): Promise<void>
  store: ResponseStore
  watch: ContentVersionWatch
}

export const CACHE_STATUS_HEADER = 'x-response-cache'

/**
 * An in-process shared cache in front of Next.js for anonymous readers — what a reverse proxy's
 * micro-cache would do, but exact: an answer is kept under the content version that was
 * current (and whose site-cache expiry had finished) when it was asked for and when it was
 * finished, and is served only while that version is still current (see ContentVersionWatch).
 *
 * Site pages take part in a stricter rule, because Next.js keeps pages and data itself and
 * shares one render between concurrent requests for a page: after the version moves, pages
 * still being rendered from the old data are waited for, Next's caches are expired once more
 * (those renders may have written old content into them), and only then are page requests
 * handed on again. A page that started under an earlier version is never kept.
 */
export function createResponseCache({
  readVersion,
  expireSiteCache,
  maxBytes = 64 * 2 ** 20,
  maxEntryBytes = 2 * 2 ** 20,
  readTimeoutMs = 5_000,
  bodyTimeoutMs = 10_000,
}: ResponseCacheOptions): ResponseCache {
  const store = new ResponseStore(maxBytes, maxEntryBytes)
  const watch = new ContentVersionWatch(readVersion, expireSiteCache, { readTimeoutMs })
  const pages = new PageEpochs(expireSiteCache)

  async function answer(
    kind: RequestKind,
    key: string,
    version: string,
    request: http.IncomingMessage,
    response: http.ServerResponse,
    forward: Forward,
    /** Checked only on a miss: only cacheable requests are ever kept, so a hit needs no check. */
    cacheable: () => boolean = () => true,
  ) {
    const known = version === watch.known
    if (known) store.useVersion(version)
    const hit = known ? store.get(key, version) : undefined
    if (hit) return serve(hit, request, response)
    if (!cacheable()) return forward(request, response)

    // Keepable only if this version's site-cache expiry had finished before the request went on.
    const keepable = known && (kind === 'graphql' || pages.clean)
    const epoch = pages.epoch
    response.setHeader(CACHE_STATUS_HEADER, 'MISS')
    const captured = capture(response, maxEntryBytes)
    forward(request, response)
    const result = await captured
    if (!result || !keepable) return
    const seconds = storableFor(kind, result.status, result.headers, result.body)
    if (seconds <= 0) return
    // Kept only if no change landed while it was produced (an unreadable version keeps nothing).
    const after = await watch.version().catch(() => null)
    if (after !== version || version !== watch.known || pages.epoch !== epoch) return
    store.useVersion(version)
    store.set(key, {
      version,
      headers: storedHeaders(result.headers),
      body: result.body,
      expiresAt: performance.now() + seconds * 1000,
    })
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse, forward: Forward): Promise<void> {
    const kind = requestKind(request.method, request.url)
    if (!kind) return forward(request, response)
    let forwarded = false
    let finishPage: (() => void) | null = null
    const forwardOnce: Forward = (req, res) => {
      forwarded = true
      if (kind === 'page') finishPage = pages.begin(res)
      forward(req, res)
    }
    let current = request
    try {
      if (kind === 'page') {
        const version = await watch.version()
        if (version === watch.known) pages.observe(version)
        await pages.ready()
        if (!isAnonymousRead(request.headers)) return forwardOnce(request, response)
        return await answer(kind, cacheKey('GET', request.url!, request.headers), version, request, response, forwardOnce)
      }
      const length = Number(request.headers['content-length'])
      if (!isAnonymousRead(request.headers) || !(length > 0 && length <= MAX_GRAPHQL_BODY_BYTES)) {
        return forwardOnce(request, response)
      }
      const body = (await withTimeout(readRequestBody(request), bodyTimeoutMs, 'reading a GraphQL request body'))!
      current = replay(request, body)
      const text = body.toString('utf8')
      const version = await watch.version()
      return await answer(kind, cacheKey('POST', request.url!, request.headers, text), version, current, response, forwardOnce, () => isQueryOnly(text))
    } catch (error) {
      if (forwarded) {
        // The application itself failed to take the request.
        console.error('[response-cache] the application threw while taking a request:', error)
        ;(finishPage as (() => void) | null)?.()
        if (!response.headersSent) {
          response.statusCode = 500
          response.end()
        } else response.destroy()
        return
      }
      if (response.headersSent || response.destroyed) return
      // The cache never stands between a reader and the site: without it, Next.js answers.
      console.error('[response-cache] bypassed after an error:', error)
      const bodyLost = kind === 'graphql' && current === request && request.readableDidRead
      if (!bodyLost) forwardOnce(current, response)
      else if (error instanceof TimeoutError) requestTimedOut(response)
      else response.destroy()
    }
  }

  /** A body that did not arrive in time: 408 with a message, and the connection closed. */
  function requestTimedOut(response: http.ServerResponse) {
    const body = JSON.stringify({ errors: [{ message: `Die Anfrage kam nicht innerhalb von ${bodyTimeoutMs / 1000} Sekunden vollständig an.` }] })
    response.writeHead(408, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' })
    response.end(body)
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

  return { handle: track, settled, store, watch }
}

/**
 * Page requests in flight, by the content version ("epoch") they were handed on under. After a
 * move to a new version, older pages still rendering may write old content into Next's caches
 * (and a new request for the same page may share their render), so new page requests wait until
 * they have finished and the site cache has been expired once more.
 */
class PageEpochs {
  epoch = 0
  private version: string | null = null
  private readonly inFlight = new Map<number, number>()
  private cleaning: Promise<void> | null = null
  private needsExpiry = false
  private drained: () => void = () => undefined

  constructor(private readonly expire: () => Promise<void>) {}

  /** True when no page of an older version can still be writing into Next's caches. */
  get clean(): boolean {
    return !this.cleaning && !this.needsExpiry && !this.olderInFlight()
  }

  observe(version: string): void {
    if (version === this.version) return
    if (this.version !== null) {
      this.epoch++
      if (this.olderInFlight()) this.needsExpiry = true
    }
    this.version = version
  }

  /** Waits while older pages drain and the site cache is expired again. */
  async ready(): Promise<void> {
    if (this.needsExpiry && !this.cleaning) this.cleaning = this.drainThenExpire()
    if (this.cleaning) await this.cleaning
  }

  begin(response: http.ServerResponse): () => void {
    const epoch = this.epoch
    this.inFlight.set(epoch, (this.inFlight.get(epoch) ?? 0) + 1)
    let done = false
    const finish = () => {
      if (done) return
      done = true
      const left = (this.inFlight.get(epoch) ?? 1) - 1
      if (left > 0) this.inFlight.set(epoch, left)
      else this.inFlight.delete(epoch)
      this.drained()
    }
    response.once('close', finish)
    response.once('finish', finish)
    return finish
  }

  private olderInFlight(): boolean {
    for (const epoch of this.inFlight.keys()) if (epoch < this.epoch) return true
    return false
  }

  private async drainThenExpire(): Promise<void> {
    try {
      while (this.olderInFlight()) await new Promise<void>((resolve) => (this.drained = resolve))
      await this.expire()
      this.needsExpiry = false
    } catch (error) {
      // Pages still go on; none is kept until an expiry succeeds (the next page request retries).
      console.error('[response-cache] expiring the site cache after older pages failed:', error)
    } finally {
      this.cleaning = null
    }
  }
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
  // The copy shares the connection: destroying the copy must not destroy the socket.
  copy._destroy = (error, callback) => callback(error)
  return copy
}

type Captured = { status: number; headers: Record<string, unknown>; body: Buffer }

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
    response.once('finish', () => {
      if (!keepable) return resolve(null)
      // An own allocation, so a small entry does not pin a shared 8 KB pool slab.
      const body = Buffer.allocUnsafeSlow(size)
      let offset = 0
      for (const chunk of chunks) offset += chunk.copy(body, offset)
      const headers: Record<string, unknown> = {}
      for (const [name, value] of Object.entries({ ...response.getHeaders(), ...headHeaders })) headers[name.toLowerCase()] = value
      resolve({ status: response.statusCode, headers, body })
    })
    response.once('close', () => resolve(null))
  })
}
