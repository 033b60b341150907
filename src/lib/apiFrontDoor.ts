import type http from 'node:http'
import zlib from 'node:zlib'

import { interceptRequests } from './http/interceptRequests'
import { readRequestBody } from './http/readRequestBody'

/**
 * Answers Payload's API requests that carry a JSON body straight from the HTTP server, with the
 * same handlers as the routes (`POST /api/graphql`: src/app/(payload)/api/graphql/route.ts;
 * `POST|PATCH|PUT|DELETE /api/…`: Payload's REST endpoints), instead of through Next.js's router
 * and route runtime, which cost as much per request as a small query itself. Everything else
 * (GET, OPTIONS, file uploads, the playground, the site's pages) goes to Next.js unchanged.
 * Installed once in production from `register()` in src/instrumentation.ts, before the
 * peer-address stamp and the response cache, so both still see every request first.
 */

export type FetchHandler = (request: Request) => Promise<Response>

export type FrontDoorHandlers = { graphql: FetchHandler; rest: FetchHandler }

const API = '/api/'
const GRAPHQL_PATH = '/api/graphql'
const REST_WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])
/** Larger JSON bodies are refused with 413; an article with a long body is a few hundred KB. */
export const MAX_JSON_BODY_BYTES = 4 * 1024 * 1024

const GZIP_FROM_BYTES = 1024

/**
 * On when a production server starts, unless `API_FRONT_DOOR=off` (say, for a Next.js proxy or
 * middleware that must see API requests: answered here, they never reach it).
 */
export function apiFrontDoorEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV === 'production' && env.NEXT_PHASE !== 'phase-production-build' && !/^(off|false|0)$/i.test(env.API_FRONT_DOOR ?? '')
}

/** Which handler answers this request here, or null for Next.js. */
export function frontDoorRoute(request: Pick<http.IncomingMessage, 'method' | 'url' | 'headers'>): keyof FrontDoorHandlers | null {
  if (!/^application\/(graphql-response\+)?json\b/i.test(request.headers['content-type'] ?? '')) return null
  const path = (request.url ?? '').split('?', 1)[0]
  if (!path.startsWith(API)) return null
  if (path === GRAPHQL_PATH || path === `${GRAPHQL_PATH}/`) return request.method === 'POST' ? 'graphql' : null
  if (path.startsWith(GRAPHQL_PATH)) return null
  return REST_WRITES.has(request.method ?? '') ? 'rest' : null
}

function toHeaders(request: http.IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else headers.set(name, value)
  }
  return headers
}

function sendJsonError(response: http.ServerResponse, status: number, message: string) {
  const body = JSON.stringify({ errors: [{ message }] })
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
  response.end(body)
}

/** The request's absolute URL, or null when its Host header or path cannot form one. */
function requestUrl(request: http.IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`)
  } catch {
    return null
  }
}

export async function answerThroughFrontDoor(request: http.IncomingMessage, response: http.ServerResponse, handler: FetchHandler): Promise<void> {
  try {
    const body = await readRequestBody(request, MAX_JSON_BODY_BYTES)
    if (!body) return sendJsonError(response, 413, `Die Anfrage ist zu groß (höchstens ${MAX_JSON_BODY_BYTES / 2 ** 20} MB).`)
    const url = requestUrl(request)
    if (!url) return sendJsonError(response, 400, 'Ungültige Anfrage: Host oder Pfad ist keine gültige Adresse.')
    const answer = await handler(new Request(url, { method: request.method, headers: toHeaders(request), body }))
    let payload = Buffer.from(await answer.arrayBuffer())
    const headers: Record<string, string | string[]> = {}
    answer.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers[name] = value
    })
    const cookies = answer.headers.getSetCookie()
    if (cookies.length) headers['set-cookie'] = cookies
    delete headers['transfer-encoding']
    // As Next.js would: larger answers gzipped for clients that accept it.
    if (payload.length >= GZIP_FROM_BYTES && !headers['content-encoding'] && /\bgzip\b/i.test(String(request.headers['accept-encoding'] ?? ''))) {
      payload = zlib.gzipSync(payload)
      headers['content-encoding'] = 'gzip'
      headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding'
    }
    headers['content-length'] = String(payload.length)
    response.writeHead(answer.status, headers)
    response.end(payload)
  } catch (error) {
    console.error('[api] request failed:', error)
    if (!response.headersSent) sendJsonError(response, 500, 'Something went wrong.')
    else response.destroy()
  }
}

export function installApiFrontDoor(handlers: FrontDoorHandlers): boolean {
  return interceptRequests('api-front-door', (request, response, next) => {
    const route = frontDoorRoute(request)
    if (route) void answerThroughFrontDoor(request, response, handlers[route])
    else next(request, response)
  })
}
