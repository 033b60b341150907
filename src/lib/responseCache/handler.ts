import type http from 'node:http'

import type { ApiRoute } from '../apiFastPath'
import { jsonError, sendAnswer, type Answer } from '../http/answer'
import { readRequestBody } from '../http/readRequestBody'
import { isOver, type RecordingResponse } from '../http/recordingResponse'
import {
  cacheKey,
  isAnonymousRead,
  MAX_GRAPHQL_BODY_BYTES,
  requestKind,
  storableFor,
  storedHeaders,
  type RequestKind,
  type StoredHeaders,
} from './policy'
import { cacheTags } from '../revalidate'
import { TimeoutError, withTimeout } from '../withTimeout'
import { ContentChanges, type ChangedTags } from './contentChanges'
import type { ChangeFeed } from './redisFeed'
import { ResponseStore, type Entry } from './store'
import { graphqlQueryTags, pageTags, touches } from './tags'

/**
 * What the cache says about a request (`lookup`):
 * - `answered`: it sent the answer (a kept one, or a 408 for a body that did not arrive);
 * - otherwise the request goes on, with the body the cache had to read (GraphQL) and, when the
 *   answer may be kept, `keep`: give it the finished answer (`answer`), or let it record what
 *   Next.js writes (`record`).
 */
export type Lookup =
  { answered: true } | { answered: false; body?: Buffer<ArrayBuffer>; keep?: Keep }

export type Keep = {
  /** Keeps a finished answer made outside Next.js (the API fast path). */
  answer(answer: Answer): void
  /** Keeps what Next.js writes to `response` once it is finished. */
  record(response: RecordingResponse): void
}

export type ResponseCacheOptions = {
  /** Reads the shared content version (src/globals/ContentVersion.ts). */
  readVersion: () => Promise<string>
  /**
   * Expires the application's own caches of site pages and data (Next.js's) for these cache
   * tags (`site`: everything); resolves once they are expired.
   */
  expireTags: (tags: string[]) => Promise<void>
  /** Pub/sub of changes with their tags (Redis, src/lib/responseCache/redisFeed.ts); optional. */
  feed?: ChangeFeed | null
  maxBytes?: number
  maxEntryBytes?: number
  readTimeoutMs?: number
  bodyTimeoutMs?: number
  pollMs?: number
}

export type ResponseCache = {
  /**
   * `route` says whether the API fast path will answer the request: only then is a GraphQL
   * query's body read here (and handed on), so Next.js never gets a request without its body.
   */
  lookup(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    route: ApiRoute | null,
  ): Promise<Lookup>
  /** Resolves when every answer being produced has been kept or dropped (the client may see it earlier). */
  settled(): Promise<void>
  store: ResponseStore
  changes: ContentChanges
  /** Stops the feed's safety-net poll (tests; the server runs until it exits). */
  stop(): void
}

const CACHE_STATUS_HEADER = 'x-response-cache'

/**
 * How long page requests wait after a change for older renders of pages it touches; then Next's
 * caches are expired anyway (a render still running may write old data once more, which the
 * next change or the answer's own expiry retires).
 */
const DRAIN_WAIT_MS = 3_000

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
  const enabled =
    env.NODE_ENV === 'production' && !/^(off|false|0)$/i.test(env.RESPONSE_CACHE ?? '')
  const megabytes = Number(env.RESPONSE_CACHE_MAX_MB)
  return {
    enabled,
    maxBytes: (Number.isFinite(megabytes) && megabytes > 0 ? megabytes : 64) * 2 ** 20,
  }
}

/**
 * An in-process shared cache for anonymous readers, the second step of the request pipeline
 * (src/server/pipeline.ts) — what a reverse proxy's micro-cache would do, but exact: an answer is
 * kept with the cache tags of what it shows (src/lib/responseCache/tags.ts: a page's from its
 * address, a GraphQL answer's from the collections its query reads) and served until a change
 * touching one of them is known here (src/lib/responseCache/contentChanges.ts: by the database
 * token — then everything is retired — or, with Redis, by pub/sub with the change's tags). An
 * answer is kept only if no change touching it became known while it was produced.
 *
 * Site pages take part in a stricter rule, because Next.js keeps pages and data itself and
 * shares one render between concurrent requests for a page: after a change, pages it touches
 * that are still being rendered from the old data are waited for, the change's tags in Next's
 * caches are expired once more (those renders may have written old content into them), and
 * only then do page requests go on.
 *
 * The whole design — what is kept, its tags, how instances learn of changes — is described in
 * ./README.md.
 */
export function createResponseCache({
  readVersion,
  expireTags,
  feed = null,
  maxBytes = 64 * 2 ** 20,
  maxEntryBytes = 2 * 2 ** 20,
  readTimeoutMs = 5_000,
  bodyTimeoutMs = 10_000,
  pollMs,
}: ResponseCacheOptions): ResponseCache {
  const store = new ResponseStore(maxBytes, maxEntryBytes)
  const expire = (changed: ChangedTags) =>
    expireTags(changed === 'all' ? [cacheTags.site] : [...changed])
  const changes = new ContentChanges({
    readVersion,
    retire: (changed) => (changed === 'all' ? store.clear() : store.retire(changed)),
    expire,
    feed,
    readTimeoutMs,
    pollMs,
  })
  const pages = new PageEpochs(changes, expire)
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
    /** Checked only on a miss: what the answer depends on, or null when it must not be kept. */
    tagsOf: () => string[] | null,
    state: { generation: number; seq: number; synced: boolean },
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Lookup {
    if (state.synced) store.useVersion(state.generation)
    const hit = state.synced ? store.get(key, state.generation) : undefined
    if (hit) {
      serve(hit, request, response)
      return ANSWERED
    }
    // Only cacheable requests are ever kept, so a hit needs no check.
    const tags = tagsOf()
    if (!tags) return GO_ON
    response.setHeader(CACHE_STATUS_HEADER, 'MISS')
    // Keepable only if the site-cache expiry of every known change had finished before it went on.
    if (!state.synced || (kind === 'page' && !pages.clean)) return GO_ON
    const keepAnswer = async (answer: Answer | null) => {
      if (!answer) return
      const seconds = storableFor(kind, answer.status, answer.headers, answer.body)
      if (seconds <= 0) return
      // Kept only if no change touching it became known while it was produced (an unreadable
      // version keeps nothing).
      const after = await changes.state().catch(() => null)
      if (!after?.synced || after.generation !== state.generation) return
      if (touches(tags, changes.changedSince(state.seq))) return
      store.useVersion(state.generation)
      store.set(key, {
        version: state.generation,
        tags,
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

  async function lookupPage(
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<Lookup> {
    let lookup = GO_ON
    const tags = pageTags(request.url!)
    try {
      const state = await changes.state()
      await pages.ready()
      if (isAnonymousRead(request.headers)) {
        const key = cacheKey('GET', request.url!, request.headers)
        lookup = decide('page', key, () => tags, state, request, response)
      }
    } catch (error) {
      // The cache never stands between a reader and the site: without it, Next.js answers.
      console.error('[response-cache] bypassed after an error:', error)
    }
    if (!lookup.answered) pages.begin(response, tags)
    return lookup
  }

  async function lookupGraphql(
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<Lookup> {
    const length = Number(request.headers['content-length'])
    if (!isAnonymousRead(request.headers) || !(length > 0 && length <= MAX_GRAPHQL_BODY_BYTES))
      return GO_ON
    let body: Buffer<ArrayBuffer> | undefined
    try {
      body = (await withTimeout(
        readRequestBody(request),
        bodyTimeoutMs,
        'reading a GraphQL request body',
      ))!
      const text = body.toString('utf8')
      const state = await changes.state()
      const key = cacheKey('POST', request.url!, request.headers, text)
      const lookup = decide('graphql', key, () => graphqlQueryTags(text), state, request, response)
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

  return { lookup, settled, store, changes, stop: () => changes.stop() }
}

/** A body that did not arrive in time: 408 with a message, and the connection closed. */
function requestTimedOut(bodyTimeoutMs: number): Answer {
  const message = `Die Anfrage kam nicht innerhalb von ${bodyTimeoutMs / 1000} Sekunden vollständig an.`
  return jsonError(408, message, { connection: 'close' })
}

/**
 * Page requests in flight, by the change count (`seq`, their "epoch") they were handed on under,
 * with their tags. After a change, an older page it touches may still be rendering and write old
 * content into Next's caches (and a new request for the same page may share its render), so new
 * page requests wait until such pages have finished and the change's tags have been expired in
 * Next's caches once more. Changes that touch no page in flight cost no waiting.
 */
class PageEpochs {
  private readonly inFlight = new Set<{ epoch: number; tags: string[] }>()
  private seen = 0
  private dirty: Set<string> | 'all' | null = null
  private cleaning: Promise<void> | null = null
  private drained: () => void = () => undefined

  constructor(
    private readonly changes: ContentChanges,
    private readonly expire: (changed: ChangedTags) => Promise<void>,
  ) {}

  /** True when no page touched by a known change can still be writing into Next's caches. */
  get clean(): boolean {
    this.observe()
    return !this.cleaning && this.dirty === null
  }

  /** Waits while touched older pages drain and their tags are expired again. */
  async ready(): Promise<void> {
    this.observe()
    if (this.dirty !== null && !this.cleaning) this.cleaning = this.drainThenExpire()
    if (this.cleaning) await this.cleaning
  }

  begin(response: http.ServerResponse, tags: string[]): void {
    // A client that left while its request waited above has had its 'close' already, and
    // Next.js does not answer it: counted now, the page would never be removed, and every later
    // change would wait out DRAIN_WAIT_MS (bench: F1 after W1 took 3.1 s; with this, 63 ms).
    // A pipelined response without its socket yet is still counted.
    if (isOver(response)) return
    const page = { epoch: this.changes.seq, tags }
    this.inFlight.add(page)
    const finish = () => {
      if (!this.inFlight.delete(page)) return
      this.drained()
    }
    response.once('close', finish)
    response.once('finish', finish)
  }

  /** Marks the changes since the last look that touch a page in flight. */
  private observe(): void {
    const seq = this.changes.seq
    if (seq === this.seen) return
    for (const page of this.inFlight) {
      if (page.epoch >= seq) continue
      const changed = this.changes.changedSince(Math.max(page.epoch, this.seen))
      if (!touches(page.tags, changed)) continue
      if (changed === 'all' || this.dirty === 'all') this.dirty = 'all'
      else this.dirty = new Set([...(this.dirty ?? []), ...changed])
    }
    this.seen = seq
  }

  private touchedInFlight(): boolean {
    for (const page of this.inFlight) {
      if (page.epoch < this.seen && touches(page.tags, this.changes.changedSince(page.epoch)))
        return true
    }
    return false
  }

  private async drainThenExpire(): Promise<void> {
    try {
      // Bounded: a client that reads an old page slowly must not hold up every page request.
      const until = performance.now() + DRAIN_WAIT_MS
      while (this.touchedInFlight() && performance.now() < until) {
        await new Promise<void>((resolve) => {
          this.drained = resolve
          setTimeout(resolve, Math.max(0, until - performance.now())).unref()
        })
      }
      this.observe()
      const dirty = this.dirty
      if (dirty !== null) await this.expire(dirty)
      if (this.dirty === dirty) this.dirty = null
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
    for (const name of ['cache-control', 'vary'])
      if (entry.headers[name]) notModified[name] = entry.headers[name]
    response.writeHead(304, notModified)
    response.end()
    return
  }
  response.writeHead(200, {
    ...entry.headers,
    'content-length': String(entry.body.byteLength),
    [CACHE_STATUS_HEADER]: 'HIT',
  })
  response.end(entry.body)
}
