import type http from 'node:http'

import type { ApiRoute } from '../apiFastPath'
import { jsonError, sendAnswer, type Answer } from '../http/answer'
import { readRequestBody } from '../http/readRequestBody'
import type { RecordingResponse } from '../http/recordingResponse'
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
import { ResponseStore, type Entry } from './store'
import { ContentVersionWatch, TimeoutError, withTimeout } from './versionWatch'

/**
 * What the cache says about a request (`lookup`):
 * - `answered`: it sent the answer (a kept one, or a 408 for a body that did not arrive);
 * - otherwise the request goes on, with the body the cache had to read (GraphQL) and, when the
 *   answer may be kept, `keep`: give it the finished answer (`answer`), or let it record what
 *   Next.js writes (`record`).
 */
export type Lookup =
  | { answered: true }
  | { answered: false; body?: Buffer<ArrayBuffer>; keep?: Keep }

export type Keep = {
  /** Keeps a finished answer made outside Next.js (the API fast path). */
  answer(answer: Answer): void
  /** Keeps what Next.js writes to `response` once it is finished. */
  record(response: RecordingResponse): void
}

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
  /**
   * `route` says whether the API fast path will answer the request: only then is a GraphQL
   * query's body read here (and handed on), so Next.js never gets a request without its body.
   */
  lookup(request: http.IncomingMessage, response: http.ServerResponse, route: ApiRoute | null): Promise<Lookup>
  /** Resolves when every answer being produced has been kept or dropped (the client may see it earlier). */
  settled(): Promise<void>
  store: ResponseStore
  watch: ContentVersionWatch
}

export const CACHE_STATUS_HEADER = 'x-response-cache'

const ANSWERED: Lookup = { answered: true }
const GO_ON: Lookup = { answered: false }

/**
 * On in production unless `RESPONSE_CACHE=off` (off in development, where pages change with the
 * code); `RESPONSE_CACHE_MAX_MB` sets its memory budget (default 64).
 */
export function responseCacheSettings(env: Record<string, string | undefined> = process.env): {
  enabled: boolean
  maxBytes: number
} {
  const enabled = env.NODE_ENV === 'production' && !/^(off|false|0)$/i.test(env.RESPONSE_CACHE ?? '')
  const megabytes = Number(env.RESPONSE_CACHE_MAX_MB)
  return { enabled, maxBytes: (Number.isFinite(megabytes) && megabytes > 0 ? megabytes : 64) * 2 ** 20 }
}

/**
 * An in-process shared cache for anonymous readers, the second step of the request pipeline
 * (src/server/pipeline.ts) — what a reverse proxy's micro-cache would do, but exact: an answer is
 * kept under the content version that was current (and whose site-cache expiry had finished)
 * when it was asked for and when it was finished, and is served only while that version is
 * still current (see ContentVersionWatch).
 *
 * Site pages take part in a stricter rule, because Next.js keeps pages and data itself and
 * shares one render between concurrent requests for a page: after the version moves, pages
 * still being rendered from the old data are waited for, Next's caches are expired once more
 * (those renders may have written old content into them), and only then do page requests go
 * on. A page that started under an earlier version is never kept.
 *
 * What is kept: anonymous GraphQL queries and site pages that Next.js marks shared-cacheable
 * (`s-maxage`, or a public `max-age`). What goes around it: requests with `Authorization`, a
 * Payload token or preview cookie (cookie names read as Payload reads them, trimmed),
 * `Cache-Control: no-cache`, mutations, errors, `Set-Cookie` answers. Entries are keyed by
 * method, URL, body and the headers the answer varies on (./policy.ts).
 *
 * The content version is a token in the database that every change readers can see
 * (publishing, images, sources, approved comments, comment settings) replaces right after the
 * change (src/hooks/publicContentChanged.ts), never before it. Each request learns the current
 * version from a read that started after it arrived (one read per event-loop turn, shared by
 * the requests of that turn), so a change is visible to the next request on every instance.
 * When an instance sees a new version it first expires its own Next.js caches (tag `site`),
 * which also brings Next's page cache up to date on instances other than the one that made the
 * change. A slow or failing version read (5 s) sends requests around the cache, never blocks.
 *
 * GraphQL answers are kept one minute at most even without a change: an article's
 * `commentsOpen` turns false when its comment period ends, which no write announces.
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
  const inFlight = new Set<Promise<void>>()

  function track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => console.error('[response-cache] keeping an answer failed:', error))
      .finally(() => inFlight.delete(tracked))
    inFlight.add(tracked)
  }

  /** A hit is served here; a miss may be kept if it is cacheable. */
  function decide(
    kind: RequestKind,
    key: string,
    version: string,
    request: http.IncomingMessage,
    response: http.ServerResponse,
    /** Checked only on a miss: only cacheable requests are ever kept, so a hit needs no check. */
    cacheable: () => boolean = () => true,
  ): Lookup {
    const known = version === watch.known
    if (known) store.useVersion(version)
    const hit = known ? store.get(key, version) : undefined
    if (hit) {
      serve(hit, request, response)
      return ANSWERED
    }
    if (!cacheable()) return GO_ON
    response.setHeader(CACHE_STATUS_HEADER, 'MISS')
    // Keepable only if this version's site-cache expiry had finished before the request went on.
    if (!known || (kind === 'page' && !pages.clean)) return GO_ON
    const epoch = pages.epoch
    const keepAnswer = async (answer: Answer | null) => {
      if (!answer) return
      const seconds = storableFor(kind, answer.status, answer.headers, answer.body)
      if (seconds <= 0) return
      // Kept only if no change landed while it was produced (an unreadable version keeps nothing).
      const after = await watch.version().catch(() => null)
      if (after !== version || version !== watch.known || pages.epoch !== epoch) return
      store.useVersion(version)
      store.set(key, {
        version,
        headers: storedHeaders(answer.headers),
        body: answer.body,
        expiresAt: performance.now() + seconds * 1000,
      })
    }
    return {
      answered: false,
      keep: {
        answer: (answer) => track(keepAnswer(answer)),
        record: (target) => track(target.record(maxEntryBytes).then(keepAnswer)),
      },
    }
  }

  async function lookupPage(request: http.IncomingMessage, response: http.ServerResponse): Promise<Lookup> {
    let lookup = GO_ON
    try {
      const version = await watch.version()
      if (version === watch.known) pages.observe(version)
      await pages.ready()
      if (isAnonymousRead(request.headers)) {
        lookup = decide('page', cacheKey('GET', request.url!, request.headers), version, request, response)
      }
    } catch (error) {
      // The cache never stands between a reader and the site: without it, Next.js answers.
      console.error('[response-cache] bypassed after an error:', error)
    }
    if (!lookup.answered) pages.begin(response)
    return lookup
  }

  async function lookupGraphql(request: http.IncomingMessage, response: http.ServerResponse): Promise<Lookup> {
    const length = Number(request.headers['content-length'])
    if (!isAnonymousRead(request.headers) || !(length > 0 && length <= MAX_GRAPHQL_BODY_BYTES)) return GO_ON
    let body: Buffer<ArrayBuffer> | undefined
    try {
      body = (await withTimeout(readRequestBody(request), bodyTimeoutMs, 'reading a GraphQL request body'))!
      const text = body.toString('utf8')
      const version = await watch.version()
      const key = cacheKey('POST', request.url!, request.headers, text)
      const lookup = decide('graphql', key, version, request, response, () => isQueryOnly(text))
      return lookup.answered ? lookup : { ...lookup, body }
    } catch (error) {
      if (response.headersSent || response.destroyed) return ANSWERED
      console.error('[response-cache] bypassed after an error:', error)
      if (body) return { answered: false, body }
      // The body is lost: a client that sends it too slowly gets 408, a broken one nothing.
      if (error instanceof TimeoutError) sendAnswer(response, requestTimedOut(bodyTimeoutMs))
      else response.destroy()
      return ANSWERED
    }
  }

  async function lookup(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    route: ApiRoute | null,
  ): Promise<Lookup> {
    const kind = requestKind(request.method, request.url)
    if (kind === 'page') return lookupPage(request, response)
    if (kind === 'graphql' && route === 'graphql') return lookupGraphql(request, response)
    return GO_ON
  }

  async function settled(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight])
  }

  return { lookup, settled, store, watch }
}

/** A body that did not arrive in time: 408 with a message, and the connection closed. */
function requestTimedOut(bodyTimeoutMs: number): Answer {
  const message = `Die Anfrage kam nicht innerhalb von ${bodyTimeoutMs / 1000} Sekunden vollständig an.`
  return jsonError(408, message, { connection: 'close' })
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
