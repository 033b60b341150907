import http from 'node:http'
import https from 'node:https'

/**
 * The one way this app puts code in front of Next.js: every `request` event of an HTTP(S)
 * server of this process goes through `intercept` first, which either answers it or hands it on
 * with `next` (the request may be replaced, e.g. by one whose body was already read). Each
 * interceptor is installed once per process, by name. The last one installed runs first:
 * src/instrumentation.ts installs them in the reverse order of the path a request takes.
 */
export type HandOn = (request: http.IncomingMessage, response: http.ServerResponse) => void
export type Interceptor = (request: http.IncomingMessage, response: http.ServerResponse, next: HandOn) => void

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean

declare global {
  var __newsroomInterceptors: Set<string> | undefined
}

export const SERVER_PROTOTYPES = { http: [http.Server.prototype], httpAndHttps: [http.Server.prototype, https.Server.prototype] }

export function interceptRequests(name: string, intercept: Interceptor, prototypes: object[] = SERVER_PROTOTYPES.http): boolean {
  const installed = (globalThis.__newsroomInterceptors ??= new Set())
  if (installed.has(name)) return false
  for (const prototype of prototypes as { emit: Emit }[]) {
    const original = prototype.emit
    prototype.emit = function emitThroughInterceptor(this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event !== 'request') return original.call(this, event, ...args)
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse]
      intercept(request, response, (req, res) => void original.call(this, 'request', req, res))
      return true
    }
  }
  installed.add(name)
  return true
}

export const isIntercepting = (name: string): boolean => Boolean(globalThis.__newsroomInterceptors?.has(name))
