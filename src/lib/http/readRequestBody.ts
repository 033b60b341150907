import type http from 'node:http'

/**
 * Reads a request body into memory. Over `limit` bytes it resolves null at once and drops the
 * rest as it arrives (the caller answers 413); a client that goes away rejects.
 */
export function readRequestBody(
  request: http.IncomingMessage,
  limit = Number.POSITIVE_INFINITY,
): Promise<Buffer<ArrayBuffer> | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      if (size > limit) return
      size += chunk.length
      if (size > limit) {
        chunks.length = 0
        resolve(null)
      } else chunks.push(chunk)
    })
    request.once('end', () => resolve(size > limit ? null : Buffer.concat(chunks)))
    request.once('error', reject)
    request.once('aborted', () => reject(new Error('client aborted the request')))
  })
}
