import { randomUUID } from 'node:crypto'

import { redisKeyPrefix, sharedRedis } from '../redis'

/**
 * A change readers can see, as announced by src/hooks/publicContentChanged.ts after it is
 * stored: the new content version (`token`, also written to the database) and the cache tags
 * (src/lib/revalidate.ts `cacheTags`) of what it touches. `site` among the tags: everything.
 */
export type ContentChange = { token: string; tags: string[] }

type Listener = (change: ContentChange) => void

declare global {
  /** In-process listeners, shared by the server's module graph and Next's bundle. */
  var __newsroomChangeListeners: Set<Listener> | undefined
  /** Channels on which a publish failed: everything is retired there once Redis takes one again. */
  var __newsroomOwedFlushes: Set<string> | undefined
  /** Announcements waiting for their transaction to commit. */
  var __newsroomPendingAnnouncements: Set<Promise<void>> | undefined
}

const pending = (): Set<Promise<void>> => (globalThis.__newsroomPendingAnnouncements ??= new Set())

/** Runs an announcement that waits for its transaction's commit, and remembers it until done. */
export function trackAnnouncement(run: () => Promise<void>): Promise<void> {
  const announcement = run()
    .catch((error: unknown) => console.error('[response-cache] announcing a change failed:', error))
    .finally(() => pending().delete(announcement))
  pending().add(announcement)
  return announcement
}

/**
 * Resolves when the announcements pending now are done (at most `timeoutMs`): a write's answer
 * waits for this, so the change is applied on this instance before the writer sees the answer.
 */
export async function announcementsDone(timeoutMs = 2_000): Promise<void> {
  if (pending().size === 0) return
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))
  await Promise.race([Promise.allSettled([...pending()]), timeout])
  clearTimeout(timer)
}

const listeners = (): Set<Listener> => (globalThis.__newsroomChangeListeners ??= new Set())

/** Hears the changes made in this process, synchronously, before the change's request answers. */
export function onLocalChange(listener: Listener): () => void {
  listeners().add(listener)
  return () => listeners().delete(listener)
}

/** The Redis channel of change notifications (`<REDIS_KEY_PREFIX>content-changes`). */
export function changeChannel(prefix = redisKeyPrefix()): string {
  return `${prefix}content-changes`
}

export function parseChange(message: string): ContentChange | null {
  try {
    const { token, tags } = JSON.parse(message) as Partial<ContentChange>
    if (
      typeof token !== 'string' ||
      !Array.isArray(tags) ||
      !tags.every((tag) => typeof tag === 'string')
    )
      return null
    return { token, tags }
  } catch {
    return null
  }
}

/**
 * Tells this process's response caches at once, and every other instance through Redis when
 * `REDIS_URL` is set. A failed publish is logged and owed: once Redis takes a publish again,
 * a change of everything (`site`) goes out first, retried every second until it does — a later
 * change's token could otherwise hide the lost one from the instances' database poll
 * (src/lib/responseCache/contentChanges.ts).
 */
export async function announceChange(
  change: ContentChange,
  channel = changeChannel(),
): Promise<void> {
  for (const listener of listeners()) {
    try {
      listener(change)
    } catch (error) {
      console.error('[response-cache] a change listener failed:', error)
    }
  }
  const redis = sharedRedis()
  if (!redis) return
  const owed = (globalThis.__newsroomOwedFlushes ??= new Set())
  try {
    if (owed.has(channel)) await publishOwedFlush(channel)
    await redis.publish(channel, JSON.stringify(change))
  } catch (error) {
    console.error(
      '[response-cache] publishing a content change failed; everything is retired once Redis is back:',
      error,
    )
    if (!owed.has(channel)) {
      owed.add(channel)
      retryOwedFlush(channel)
    }
  }
}

async function publishOwedFlush(channel: string): Promise<void> {
  await sharedRedis()?.publish(
    channel,
    JSON.stringify({ token: randomUUID(), tags: ['site'] } satisfies ContentChange),
  )
  globalThis.__newsroomOwedFlushes?.delete(channel)
}

function retryOwedFlush(channel: string): void {
  const timer = setTimeout(() => {
    if (!globalThis.__newsroomOwedFlushes?.has(channel)) return
    publishOwedFlush(channel).catch(() => retryOwedFlush(channel))
  }, 1_000)
  timer.unref?.()
}
