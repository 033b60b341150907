import http from 'node:http'

import type { Answer } from './answer'

type Recording = {
  chunks: Buffer[]
  size: number
  limit: number
  keepable: boolean
  /** Headers given to writeHead(), which Node does not always add to getHeaders(). */
  headHeaders: Record<string, string | string[]>
}

/**
 * The server's response class (`http.createServer({ ServerResponse: RecordingResponse })`,
 * Node's documented way to extend it): a plain `ServerResponse` that can also keep a copy of
 * what is written to it, for the response cache to store what Next.js renders. Nothing is
 * copied unless `record()` was called for the response.
 */
export class RecordingResponse extends http.ServerResponse {
  private recording: Recording | null = null
  private defaults: readonly (readonly [string, string])[] | null = null

  /**
   * Headers sent with the head of whatever answer is given, unless the answer sets its own of
   * that name (the pipeline's security headers, step 1b). Added in `writeHead` to the headers
   * given there, so an answer written at once (a cache hit, the API fast path) costs no
   * `setHeader` per header.
   */
  sendWithHead(headers: readonly (readonly [string, string])[]): void {
    this.defaults = headers
  }

  /**
   * Copies the status, headers and body (up to `limit` bytes) from now on; resolves with them
   * once the answer is finished, or null when it was larger, aborted, or sent its headers as a
   * raw list.
   */
  record(limit: number): Promise<Answer | null> {
    // A client that left before this (while its request waited) has had its 'close' already:
    // nothing will be written, and a promise waiting for 'finish' or 'close' would never settle.
    if (isOver(this)) return Promise.resolve(null)
    const recording: Recording = { chunks: [], size: 0, limit, keepable: true, headHeaders: {} }
    this.recording = recording
    return new Promise((resolve) => {
      this.once('finish', () => {
        if (!recording.keepable) return resolve(null)
        // An own allocation, so a small entry does not pin a shared 8 KB pool slab.
        const body = Buffer.allocUnsafeSlow(recording.size)
        let offset = 0
        for (const chunk of recording.chunks) offset += chunk.copy(body, offset)
        const headers: Record<string, string | string[]> = {}
        for (const [name, value] of Object.entries({
          ...this.getHeaders(),
          ...recording.headHeaders,
        })) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value : String(value)
        }
        resolve({ status: this.statusCode, headers, body })
      })
      this.once('close', () => resolve(null))
    })
  }

  override writeHead(statusCode: number, ...rest: unknown[]): this {
    const recording = this.recording
    if (this.defaults && !this.headersSent) rest = this.withDefaults(rest)
    const headers = typeof rest[0] === 'string' ? rest[1] : rest[0]
    if (recording && Array.isArray(headers)) recording.keepable = false
    else if (recording && headers && typeof headers === 'object') {
      for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
          recording.headHeaders[name.toLowerCase()] = value as string | string[]
      }
    }
    return (super.writeHead as (...args: unknown[]) => this)(statusCode, ...rest)
  }

  override write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    this.copy(chunk, encoding)
    return (super.write as (...args: unknown[]) => boolean)(chunk, encoding, callback)
  }

  override end(chunk?: unknown, encoding?: unknown, callback?: unknown): this {
    this.copy(chunk, encoding)
    return (super.end as (...args: unknown[]) => this)(chunk, encoding, callback)
  }

  /** `writeHead`'s arguments with the default headers the answer did not set itself. */
  private withDefaults(rest: unknown[]): unknown[] {
    const defaults = this.defaults!
    this.defaults = null
    const messageFirst = typeof rest[0] === 'string'
    const given = messageFirst ? rest[1] : rest[0]
    if (
      given !== undefined &&
      (typeof given !== 'object' || given === null || Array.isArray(given))
    ) {
      // A raw header list: the defaults go in by setHeader, as Node merges them then.
      for (const [name, value] of defaults) if (!this.hasHeader(name)) this.setHeader(name, value)
      return rest
    }
    const headers: Record<string, unknown> = {}
    const own = given ? Object.keys(given).map((name) => name.toLowerCase()) : []
    for (const [name, value] of defaults)
      if (!this.hasHeader(name) && !own.includes(name)) headers[name] = value
    Object.assign(headers, given)
    return messageFirst ? [rest[0], headers, ...rest.slice(2)] : [headers, ...rest.slice(1)]
  }

  private copy(chunk: unknown, encoding: unknown): void {
    const recording = this.recording
    if (
      !recording?.keepable ||
      chunk === undefined ||
      chunk === null ||
      typeof chunk === 'function'
    )
      return
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array)
    recording.size += buffer.byteLength
    if (recording.size > recording.limit) {
      recording.keepable = false
      recording.chunks.length = 0
    } else recording.chunks.push(buffer)
  }
}

/**
 * Whether nothing more will happen to this answer: it is finished, or its client has gone (then
 * its 'close' is already past, and a listener added now would never run).
 */
export function isOver(response: http.ServerResponse): boolean {
  return response.writableFinished || response.destroyed || Boolean(response.socket?.destroyed)
}

/** An HTTP server whose responses are RecordingResponses. */
export type RecordingServer = http.Server<typeof http.IncomingMessage, typeof RecordingResponse>
