import { interceptRequests, isIntercepting } from '../http/interceptRequests'
import { createResponseCache } from './handler'

/** On in production unless `RESPONSE_CACHE=off`; `RESPONSE_CACHE_MAX_MB` sets its memory budget (default 64). */
export function responseCacheSettings(env: Record<string, string | undefined> = process.env): { enabled: boolean; maxBytes: number } {
  const enabled = env.NODE_ENV === 'production' && !/^(off|false|0)$/i.test(env.RESPONSE_CACHE ?? '')
  const megabytes = Number(env.RESPONSE_CACHE_MAX_MB)
  return { enabled, maxBytes: (Number.isFinite(megabytes) && megabytes > 0 ? megabytes : 64) * 2 ** 20 }
}

export type InstallOptions = {
  /** The shared content version (src/hooks/publicContentChanged.ts). */
  readVersion: () => Promise<string>
  /** Expires the site's Next.js cache tags on this server, listening on `port`. */
  expireSiteCache: (port: number) => Promise<void>
  maxBytes: number
}

/**
 * Puts the response cache in front of every HTTP server of this process (Next.js's), from
 * `register()` in src/instrumentation.ts: each request reaches the cache before Next.js, and
 * only misses are handed on.
 */
export function installResponseCache({ readVersion, expireSiteCache, maxBytes }: InstallOptions): boolean {
  if (isIntercepting('response-cache')) return false
  let port = Number(process.env.PORT) || 3000
  const cache = createResponseCache({ readVersion, expireSiteCache: () => expireSiteCache(port), maxBytes })
  return interceptRequests('response-cache', (request, response, next) => {
    port = request.socket.localPort ?? port
    void cache.handle(request, response, next)
  })
}
