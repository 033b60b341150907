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
    if (typeof token !== 'string' || !Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) return null
    return { token, tags }
  } catch {
    return null
  }
}

/**
 * Tells this process's response caches at once, and every other instance through Redis when
 * `REDIS_URL` is set. A failed publish is logged: the other instances still learn of the change
 * from the database token within their poll interval (src/lib/responseCache/redisFeed.ts).
 */
export async function announceChange(change: ContentChange, channel = changeChannel()): Promise<void> {
  for (const listener of listeners()) {
    try {
      listener(change)
    } catch (error) {
      console.error('[response-cache] a change listener failed:', error)
    }
  }
  const redis = sharedRedis()
  if (!redis) return
  try {
    await redis.publish(channel, JSON.stringify(change))
  } catch (error) {
    console.error('[response-cache] publishing a content change failed:', error)
  }
}
