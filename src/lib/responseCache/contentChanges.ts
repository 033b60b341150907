import { cacheTags } from '../revalidate'
import { withTimeout } from '../withTimeout'
import type { ContentChange } from './changes'
import type { ChangeFeed } from './redisFeed'
import { ContentVersionWatch } from './versionWatch'

/** What a change touched: a set of cache tags, or everything. */
export type ChangedTags = ReadonlySet<string> | 'all'

/** Where a request stands: kept answers of `generation` may be served when `synced`. */
export type CacheState = { generation: number; seq: number; synced: boolean }

export type ContentChangesOptions = {
  /** Reads the content version token in the database (src/globals/ContentVersion.ts). */
  readVersion: () => Promise<string>
  /** Drops kept answers at once (synchronously): the changed tags, or everything. */
  retire: (changed: ChangedTags) => void
  /** Expires the application's own caches (Next.js's) of the changed tags; resolves when done. */
  expire: (changed: ChangedTags) => Promise<void>
  /** Pub/sub of changes with their tags (Redis); without one, every change is learnt from the database. */
  feed?: ChangeFeed | null
  readTimeoutMs?: number
  /** With a feed: how often the database token is compared with what the feed said (safety net). */
  pollMs?: number
}

const LOG_SIZE = 1_000
const REMEMBERED_TOKENS = 10_000

/**
 * How an instance learns that content changed, and what it retires.
 *
 * Without a feed (no `REDIS_URL`): as before, each request learns the database token from a
 * read that started after it arrived (ContentVersionWatch, one read per event-loop turn); a new
 * token says *that* something changed, not *what*, so it retires everything (a new
 * `generation`) and expires the site tag of Next's caches. Correct for any number of instances.
 *
 * With a feed (Redis pub/sub), while subscribed: requests read nothing. Each change arrives with
 * its tags and retires only the answers carrying one of them (and expires just those tags of
 * Next's caches). Changes of this process are applied before their own request answers; those
 * of other instances after the pub/sub delivery (a few milliseconds). That delivery is the one
 * window in which an answer of an already committed change can still be served stale. As a
 * safety net (a publish that failed, a message lost with a dropped connection) the token is read
 * every `pollMs`: one the feed did not announce is waited for one more poll, then retires
 * everything — so a change is seen within about two poll intervals at worst. When the
 * subscription is lost, requests read the token again (the database is the truth); when it
 * (re)connects, the token is read once and anything the feed did not announce retires everything.
 */
export class ContentChanges {
  /** Counts every change applied here (narrow or full). */
  seq = 0
  /** Moves when everything is retired. */
  generation = 0
  readonly watch: ContentVersionWatch
  private live = false
  private readonly log: { seq: number; changed: ChangedTags }[] = []
  private readonly heard = new Set<string>()
  private expiring: Promise<void> = Promise.resolve()
  private suspect: string | null = null
  private poller: NodeJS.Timeout | null = null
  private polling = false
  private readonly retire: ContentChangesOptions['retire']
  private readonly expire: ContentChangesOptions['expire']
  private readonly readVersion: () => Promise<string>
  private readonly readTimeoutMs: number
  private readonly pollMs: number

  constructor({
    readVersion,
    retire,
    expire,
    feed = null,
    readTimeoutMs = 5_000,
    pollMs = 1_000,
  }: ContentChangesOptions) {
    this.retire = retire
    this.expire = expire
    this.readVersion = readVersion
    this.readTimeoutMs = readTimeoutMs
    this.pollMs = pollMs
    this.watch = new ContentVersionWatch(
      readVersion,
      async () => {
        this.record('all')
        this.generation++
        this.retire('all')
        await this.expire('all')
      },
      { readTimeoutMs, isApplied: (token) => this.heard.has(token) },
    )
    feed?.start({
      change: (change) => this.apply(change),
      connected: () => void this.connected(),
      disconnected: () => this.disconnected(),
    })
  }

  /** True while changes arrive by the feed and requests need no database read. */
  get isLive(): boolean {
    return this.live
  }

  /** The state a request arriving now works under (reads the token unless live). */
  async state(): Promise<CacheState> {
    if (this.live) {
      await this.expiring
      return { generation: this.generation, seq: this.seq, synced: true }
    }
    const token = await this.watch.version()
    await this.expiring
    return { generation: this.generation, seq: this.seq, synced: token === this.watch.known }
  }

  /** Tags changed since `seq` (`'all'` when the log no longer reaches back that far). */
  changedSince(seq: number): ChangedTags {
    if (seq >= this.seq) return new Set()
    if (this.log.length === 0 || this.log[0].seq > seq + 1) return 'all'
    const union = new Set<string>()
    for (const entry of this.log) {
      if (entry.seq <= seq) continue
      if (entry.changed === 'all') return 'all'
      for (const tag of entry.changed) union.add(tag)
    }
    return union
  }

  stop(): void {
    if (this.poller) clearInterval(this.poller)
    this.poller = null
    this.live = false
  }

  /** A change heard from the feed (this process's own, or another instance's by Redis). */
  private apply({ token, tags }: ContentChange): void {
    if (this.heard.has(token)) return
    this.heard.add(token)
    if (this.heard.size > REMEMBERED_TOKENS) this.heard.delete(this.heard.values().next().value!)
    const changed: ChangedTags = tags.includes(cacheTags.site) ? 'all' : new Set(tags)
    this.record(changed)
    this.retire(changed)
    this.expiring = this.expiring
      .then(() => this.expire(changed))
      .catch((error: unknown) =>
        console.error('[response-cache] expiring changed tags failed:', error),
      )
  }

  private record(changed: ChangedTags): void {
    this.seq++
    this.log.push({ seq: this.seq, changed })
    if (this.log.length > LOG_SIZE) this.log.shift()
  }

  private async connected(): Promise<void> {
    try {
      // The database is the truth: anything changed while the feed was away retires everything.
      await this.watch.version()
      this.live = true
      this.suspect = null
      if (!this.poller) {
        this.poller = setInterval(() => void this.poll(), this.pollMs)
        this.poller.unref?.()
      }
    } catch (error) {
      console.error(
        '[response-cache] reading the content version after (re)subscribing failed:',
        error,
      )
    }
  }

  private disconnected(): void {
    this.live = false
  }

  private async poll(): Promise<void> {
    if (!this.live || this.polling) return
    this.polling = true
    try {
      const token = await withTimeout(
        this.readVersion(),
        this.readTimeoutMs,
        'reading the content version',
      )
      if (token === this.watch.known || this.heard.has(token)) {
        this.suspect = null
      } else if (this.suspect === token) {
        // Not announced within a poll interval: the feed missed it.
        this.suspect = null
        await this.watch.version()
      } else {
        this.suspect = token
      }
    } catch (error) {
      console.error('[response-cache] polling the content version failed:', error)
    } finally {
      this.polling = false
    }
  }
}
