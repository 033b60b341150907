import type http from 'node:http'
import zlib from 'node:zlib'

/** A complete HTTP answer held in memory: what the API fast path sends and the cache keeps. */
export type Answer = {
  status: number
  headers: Record<string, string | string[]>
  body: Buffer
}

const GZIP_FROM_BYTES = 1024

/** The request's absolute URL, or null when its Host header or path cannot form one. */
export function requestUrl(request: http.IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`)
  } catch {
    return null
  }
}

/** The request's head as a Fetch `Request`, with a body already read. */
export function toFetchRequest(
  request: http.IncomingMessage,
  url: URL,
  body: Buffer<ArrayBuffer>,
): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else headers.set(name, value)
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  return new Request(url, { method: request.method, headers, body: hasBody ? body : undefined })
}

/**
 * Reads a Fetch `Response` into an answer for `request`. As Next.js would, a larger answer is
 * gzipped for a client that accepts it.
 */
export async function readAnswer(
  request: http.IncomingMessage,
  response: Response,
): Promise<Answer> {
  let body = Buffer.from(await response.arrayBuffer())
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'transfer-encoding') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length) headers['set-cookie'] = cookies
  const acceptsGzip = /\bgzip\b/i.test(String(request.headers['accept-encoding'] ?? ''))
  if (body.length >= GZIP_FROM_BYTES && !headers['content-encoding'] && acceptsGzip) {
    body = zlib.gzipSync(body)
    headers['content-encoding'] = 'gzip'
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding'
  }
  headers['content-length'] = String(body.length)
  return { status: response.status, headers, body }
}

export function sendAnswer(response: http.ServerResponse, { status, headers, body }: Answer): void {
  response.writeHead(status, headers)
  response.end(body)
}

/** A JSON error in the shape Payload's API uses (`{ errors: [{ message }] }`). */
export function jsonError(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): Answer {
  const body = Buffer.from(JSON.stringify({ errors: [{ message }] }))
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(body.length),
      ...headers,
    },
    body,
  }
}
