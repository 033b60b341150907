import type http from 'node:http'

import { PEER_IP_HEADER, trustedProxies } from '@/lib/http/clientAddress'
import { answerApiRequest, apiRoute, type ApiHandlers } from '@/lib/apiFastPath'
import { jsonError, sendAnswer } from '@/lib/http/answer'
import { announcementsDone } from '@/lib/responseCache/changes'
import type { RecordingResponse } from '@/lib/http/recordingResponse'
import { cameOverHttps, securityHeadersFor } from '@/lib/http/securityHeaders'
import type { ResponseCache } from '@/lib/responseCache/handler'
import { NEXT_SCOPE_HEADER } from '@/lib/revalidate'

export type RequestHandler = (
  request: http.IncomingMessage,
  response: RecordingResponse,
) => Promise<void>

export type PipelineSteps = {
  /** Step 2, or null when `RESPONSE_CACHE=off` (and in development). */
  responseCache: ResponseCache | null
  /** Step 3, or null when `API_FAST_PATH=off`. */
  api: ApiHandlers | null
  /** Step 4: Next.js's request handler (`app.getRequestHandler()`). */
  next: RequestHandler
}

/**
 * Every request this app receives, in order. src/server/main.ts builds the steps and gives
 * this function to `http.createServer` (with `ServerResponse: RecordingResponse`, so step 2 can
 * keep what Next.js writes); development and production take the same path.
 */
export function requestPipeline({ responseCache, api, next }: PipelineSteps): RequestHandler {
  const dev = process.env.NODE_ENV !== 'production'
  const securityHeaders = securityHeadersFor({
    dev,
    previewOrigins: siteOrigin(process.env.SITE_URL),
  })
  return async function handleRequest(request, response) {
    try {
      // 1. Peer address. Next.js hides the TCP peer from route handlers and keeps a client's own
      //    X-Forwarded-For, so the peer is written on the request for the comment rate limit
      //    (src/lib/http/clientAddress.ts), replacing whatever a client sent under that name. A
      //    client's claim to be in Next's request scope (step 4) is removed likewise.
      request.headers[PEER_IP_HEADER] = request.socket.remoteAddress ?? ''
      delete request.headers[NEXT_SCOPE_HEADER]

      // 1b. Security headers (src/lib/http/securityHeaders.ts) on every answer, whichever step
      //     gives it: CSP, framing, nosniff, referrer policy, and HSTS for https requests. They
      //     go out with the head (RecordingResponse.sendWithHead), unless the answer sets its own.
      const forwardedProto = request.headers['x-forwarded-proto']
      const https = cameOverHttps({
        encrypted: Boolean((request.socket as { encrypted?: boolean }).encrypted),
        fromTrustedProxy:
          forwardedProto !== undefined && trustedProxies().has(request.socket.remoteAddress ?? ''),
        forwardedProto,
        publicUrl: process.env.NEXT_PUBLIC_SERVER_URL,
      })
      const pathname = (request.url ?? '/').split('?', 1)[0]
      response.sendWithHead(securityHeaders(pathname, https))

      // 1c. An address whose %-encoding is broken names nothing: a 400 here, before any step
      //     decodes it (Next.js answered `/artikel/%C3%28` with a 500, Payload's REST routes
      //     too: they decode the path with decodeURIComponent).
      if (!decodes(pathname)) {
        sendAnswer(
          response,
          jsonError(400, 'Ungültige Adresse: Der Pfad enthält ungültige %-Kodierung.'),
        )
        return
      }

      // 2. Anonymous response cache (src/lib/responseCache): answers what it keeps for readers
      //    without credentials — site pages and GraphQL queries; on a miss it may keep the
      //    answer step 3 or 4 makes. For a GraphQL query it reads the body (to key the answer),
      //    so it is told whether step 3 will take the request.
      const route = api ? apiRoute(request) : null
      const cached = responseCache ? await responseCache.lookup(request, response, route) : null
      if (cached?.answered) return

      // 3. Payload API fast path (src/lib/apiFastPath.ts): GraphQL and REST writes with JSON
      //    bodies, answered by the route files' own handlers without Next.js's router.
      if (api && route) {
        const answer = await answerApiRequest(api[route], request, cached?.body)
        // A write in a transaction announces its change once committed; answer after that.
        await announcementsDone()
        sendAnswer(response, answer)
        cached?.keep?.answer(answer)
        return
      }

      // 4. Next.js: the site, the admin, REST reads, uploads. Hooks of these requests run in
      //    Next's request scope and expire cache tags directly (src/lib/revalidate.ts).
      request.headers[NEXT_SCOPE_HEADER] = '1'
      cached?.keep?.record(response)
      await next(request, response)
    } catch (error) {
      console.error('[server] request failed:', error)
      if (!response.headersSent) sendAnswer(response, jsonError(500, 'Something went wrong.'))
      else response.destroy()
    }
  }
}

/** The site's own origin when SITE_URL names one (the admin's live preview frames it). */
function siteOrigin(url: string | undefined): string[] {
  try {
    return url ? [new URL(url).origin] : []
  } catch {
    return []
  }
}

/** Whether a path's %-encoding is well formed (`decodeURIComponent` throws on `%C3%28`). */
function decodes(path: string): boolean {
  try {
    decodeURIComponent(path)
    return true
  } catch {
    return false
  }
}
