import http from 'node:http'

import { createResponseCache, type ResponseCache } from './handler'

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean

declare global {
  var __newsroomResponseCache: ResponseCache | undefined
}

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
  if (globalThis.__newsroomResponseCache) return false
  let port = Number(process.env.PORT) || 3000
  const cache = createResponseCache({ readVersion, expireSiteCache: () => expireSiteCache(port), maxBytes })
  const prototype = http.Server.prototype as unknown as { emit: Emit }
  const original = prototype.emit
  prototype.emit = function emitThroughResponseCache(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== 'request') return original.call(this, event, ...args)
    const [request, response] = args as [http.IncomingMessage, http.ServerResponse]
    port = request.socket.localPort ?? port
    void cache.handle(request, response, (req, res) => original.call(this, 'request', req, res))
    return true
  }
  globalThis.__newsroomResponseCache = cache
  return true
}
