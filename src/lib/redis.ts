import { Redis, type RedisOptions } from 'ioredis'

/**
 * Redis, when `REDIS_URL` is set: what several app instances share — `payload.kv`, the comment
 * rate limit (src/comments/rateLimit.ts), change notifications of the response cache
 * (src/lib/responseCache/redisFeed.ts), claims of scheduled jobs. Every key and channel starts
 * with `REDIS_KEY_PREFIX` (default `newsroom:`), so several sites or test runs can share one
 * server. Connections are made lazily, on first use.
 */
export function redisUrl(env: Record<string, string | undefined> = process.env): string | null {
  return env.REDIS_URL?.trim() || null
}

/** Prefix of every key and channel this app uses (`REDIS_KEY_PREFIX`, default `newsroom:`). */
export function redisKeyPrefix(env: Record<string, string | undefined> = process.env): string {
  return env.REDIS_KEY_PREFIX?.trim() || 'newsroom:'
}

/**
 * A new connection. A subscribing connection can do nothing else, so subscribers make their
 * own; commands share `sharedRedis()`. A command fails after a second while Redis is
 * unreachable instead of piling up: callers fall back to the database.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    commandTimeout: 1_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    ...options,
  })
}

declare global {
  /** One command connection per process (the server's module graph and Next's bundle share it). */
  var __newsroomRedis: { url: string; client: Redis } | undefined
}

/** The process's command connection for `REDIS_URL`, or null without Redis. */
export function sharedRedis(): Redis | null {
  const url = redisUrl()
  if (!url) return null
  const shared = globalThis.__newsroomRedis
  if (shared?.url === url) return shared.client
  const client = createRedis(url)
  client.on('error', (error) => console.error('[redis]', error.message))
  globalThis.__newsroomRedis = { url, client }
  return client
}
