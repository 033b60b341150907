import type { Redis } from 'ioredis'

import { createRedis } from '../redis'
import { changeChannel, onLocalChange, parseChange, type ContentChange } from './changes'

export type FeedHandlers = {
  change(change: ContentChange): void
  /** The subscription is confirmed (again): changes before this moment may have been missed. */
  connected(): void
  /** The subscription is lost: changes are no longer heard until `connected`. */
  disconnected(): void
}

/** Where a response cache hears of changes made on any instance (src/lib/responseCache/contentChanges.ts). */
export interface ChangeFeed {
  start(handlers: FeedHandlers): void
  close(): Promise<void>
}

/**
 * Changes by Redis pub/sub on `changeChannel()`, plus (with `local`, the default) the changes
 * of this very process straight from src/lib/responseCache/changes.ts, so a change is retired
 * here before its own request answers, without waiting for the round trip through Redis.
 */
export class RedisChangeFeed implements ChangeFeed {
  private client: Redis | null = null
  private stopLocal: (() => void) | null = null

  constructor(
    private readonly url: string,
    private readonly channel = changeChannel(),
    private readonly options: { local?: boolean } = {},
  ) {}

  start(handlers: FeedHandlers): void {
    const client = createRedis(this.url, { autoResubscribe: false, commandTimeout: undefined })
    this.client = client
    let subscribed = false
    client.on('ready', () => {
      client.subscribe(this.channel).then(
        () => {
          subscribed = true
          handlers.connected()
        },
        (error: Error) =>
          console.error('[response-cache] subscribing to content changes failed:', error.message),
      )
    })
    client.on('close', () => {
      if (!subscribed) return
      subscribed = false
      handlers.disconnected()
    })
    client.on('error', (error) => console.error('[response-cache] Redis:', error.message))
    client.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return
      const change = parseChange(message)
      if (change) handlers.change(change)
    })
    if (this.options.local !== false)
      this.stopLocal = onLocalChange((change) => handlers.change(change))
  }

  async close(): Promise<void> {
    this.stopLocal?.()
    this.stopLocal = null
    const client = this.client
    this.client = null
    if (client) await client.quit().catch(() => client.disconnect())
  }
}
