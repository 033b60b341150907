import type http from 'node:http'

import { jsonError, readAnswer, requestUrl, toFetchRequest, type Answer } from './http/answer'
import { readRequestBody } from './http/readRequestBody'

/**
 * Payload's API fast path: requests that carry a JSON body are answered by the same handlers as
 * the route files (`POST /api/graphql`: src/app/(payload)/api/graphql/route.ts; `POST|PATCH|
 * PUT|DELETE /api/…`: Payload's REST endpoints), called straight from the server's pipeline
 * (src/server/pipeline.ts) instead of through Next.js's router and route runtime, which cost as
 * much per request as a small query itself. Everything else (GET, OPTIONS, file uploads, the
 * playground, the site's pages) goes to Next.js.
 */

export type FetchHandler = (request: Request) => Promise<Response>
export type ApiRoute = 'graphql' | 'rest'
export type ApiHandlers = Record<ApiRoute, FetchHandler>

const API = '/api/'
/** Payload's GraphQL endpoint (`routes.api` + `routes.graphQL`); the response cache uses it too. */
export const GRAPHQL_PATH = '/api/graphql'
const REST_WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])
/** Larger JSON bodies are refused with 413; an article with a long body is a few hundred KB. */
export const MAX_JSON_BODY_BYTES = 4 * 1024 * 1024

/**
 * On unless `API_FAST_PATH=off` (say, for a Next.js proxy or middleware that must see API
 * requests: answered here, they never reach it).
 */
export function apiFastPathEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !/^(off|false|0)$/i.test(env.API_FAST_PATH ?? '')
}

/** Which handler answers this request on the fast path, or null for Next.js. */
export function apiRoute(
  request: Pick<http.IncomingMessage, 'method' | 'url' | 'headers'>,
): ApiRoute | null {
  if (!/^application\/(graphql-response\+)?json\b/i.test(request.headers['content-type'] ?? ''))
    return null
  const path = (request.url ?? '').split('?', 1)[0]
  if (!path.startsWith(API)) return null
  if (path === GRAPHQL_PATH || path === `${GRAPHQL_PATH}/`)
    return request.method === 'POST' ? 'graphql' : null
  if (path.startsWith(GRAPHQL_PATH)) return null
  return REST_WRITES.has(request.method ?? '') ? 'rest' : null
}

/**
 * Answers `request` with `handler`. `body` is the request body when an earlier step (the
 * response cache) has read it already; otherwise it is read here, at most `MAX_JSON_BODY_BYTES`.
 */
export async function answerApiRequest(
  handler: FetchHandler,
  request: http.IncomingMessage,
  body?: Buffer<ArrayBuffer>,
): Promise<Answer> {
  const payload = body ?? (await readRequestBody(request, MAX_JSON_BODY_BYTES))
  if (!payload) {
    return jsonError(
      413,
      `Die Anfrage ist zu groß (höchstens ${MAX_JSON_BODY_BYTES / 2 ** 20} MB).`,
    )
  }
  const url = requestUrl(request)
  if (!url) return jsonError(400, 'Ungültige Anfrage: Host oder Pfad ist keine gültige Adresse.')
  return readAnswer(request, await handler(toFetchRequest(request, url, payload)))
}
