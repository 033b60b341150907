export type VersionChange = { from: string; to: string }

/**
 * Tells each request which content version is current, as of a database read that started
 * after the request arrived — so a change committed before a request came in is always seen.
 * Requests arriving before the pending read starts share it (at most one read per event-loop
 * turn), which keeps the cost per request small under load.
 *
 * When the version moves, `onChange` runs once (e.g. to expire the framework's own caches)
 * and no caller learns the new version before it has finished. `known` becomes the new
 * version only when `onChange` succeeded; after a failure the next read tries again.
 */
export class ContentVersionWatch {
  private current: string | null = null
  private readsStarted = 0
  private newestApplied = 0
  private queued: Promise<string> | null = null
  private transition: Promise<void> = Promise.resolve()

  constructor(
    private readonly read: () => Promise<string>,
    private readonly onChange?: (change: VersionChange) => Promise<void>,
    private readonly schedule: (run: () => void) => void = setImmediate,
  ) {}

  /** The version last seen; `null` before the first read. */
  get known(): string | null {
    return this.current
  }

  version(): Promise<string> {
    if (!this.queued) {
      this.queued = new Promise<string>((resolve, reject) => {
        this.schedule(() => {
          this.queued = null
          const sequence = ++this.readsStarted
          this.read()
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
      const previous = this.current
      if (version !== previous) {
        this.current = version
        if (previous !== null && this.onChange) {
          const change = { from: previous, to: version }
          this.transition = this.transition
            .then(() => this.onChange!(change))
            .catch((error: unknown) => {
              console.error('[response-cache] reacting to a new content version failed; retrying with the next request:', error)
              // Not "known" until the reaction succeeded: nothing is kept under it meanwhile.
              if (this.current === change.to) this.current = change.from
            })
        }
      }
    }
    await this.transition
    return version
  }
}
