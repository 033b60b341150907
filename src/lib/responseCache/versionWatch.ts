import { withTimeout } from '../withTimeout'

export type VersionChange = { from: string; to: string }

export type VersionWatchOptions = {
  /** A read slower than this fails (the request then goes around the cache). */
  readTimeoutMs?: number
  schedule?: (run: () => void) => void
  /**
   * Versions whose changes were already applied some other way (heard by pub/sub): a move to one
   * of them is taken without `onChange`.
   */
  isApplied?: (version: string) => boolean
}

/**
 * Tells each request which content version is current, as of a database read that started
 * after the request arrived — so a change committed before a request came in is always seen.
 * Requests arriving before the pending read starts share it (at most one read per event-loop
 * turn), which keeps the cost per request small under load.
 *
 * When the version moves, `onChange` runs (e.g. to expire the framework's own caches) and no
 * caller learns the new version before it has finished. `known` becomes the new version only
 * when `onChange` succeeded; after a failure the next read tries again.
 */
export class ContentVersionWatch {
  private current: string | null = null
  private changingTo: string | null = null
  private readsStarted = 0
  private newestApplied = 0
  private queued: Promise<string> | null = null
  private transition: Promise<void> = Promise.resolve()
  private readonly readTimeoutMs: number
  private readonly schedule: (run: () => void) => void
  private readonly isApplied: (version: string) => boolean

  constructor(
    private readonly read: () => Promise<string>,
    private readonly onChange?: (change: VersionChange) => Promise<void>,
    {
      readTimeoutMs = 5_000,
      schedule = setImmediate,
      isApplied = () => false,
    }: VersionWatchOptions = {},
  ) {
    this.readTimeoutMs = readTimeoutMs
    this.schedule = schedule
    this.isApplied = isApplied
  }

  /** The version whose `onChange` has completed; `null` before the first read. */
  get known(): string | null {
    return this.current
  }

  version(): Promise<string> {
    if (!this.queued) {
      this.queued = new Promise<string>((resolve, reject) => {
        this.schedule(() => {
          this.queued = null
          const sequence = ++this.readsStarted
          withTimeout(this.read(), this.readTimeoutMs, 'reading the content version')
            .then((version) => this.settle(sequence, version))
            .then(resolve, reject)
        })
      })
    }
    return this.queued
  }

  private async settle(sequence: number, version: string): Promise<string> {
    // Reads may finish out of order; only a newer read may move the version.
    if (sequence > this.newestApplied) {
      this.newestApplied = sequence
      if (version !== this.current && version !== this.changingTo) this.moveTo(version)
    }
    await this.transition
    return version
  }

  private moveTo(version: string): void {
    const from = this.current
    if (from === null || !this.onChange || (this.isApplied(version) && !this.changingTo)) {
      this.current = version
      return
    }
    this.changingTo = version
    this.transition = this.transition
      .then(() => this.onChange!({ from, to: version }))
      .then(
        () => {
          if (this.changingTo !== version) return
          this.current = version
          this.changingTo = null
        },
        (error: unknown) => {
          console.error(
            '[response-cache] reacting to a new content version failed; retrying with the next request:',
            error,
          )
          if (this.changingTo === version) this.changingTo = null
        },
      )
  }
}
