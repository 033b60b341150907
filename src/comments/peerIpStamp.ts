import http from 'node:http'
import https from 'node:https'

import { PEER_IP_HEADER } from './clientIp'

/**
 * Next.js hides the TCP peer address from route handlers, and it keeps an `X-Forwarded-For`
 * sent by the client. So every request an HTTP(S) server of this process receives gets the
 * peer address stamped as `x-newsroom-peer-ip` before Next.js sees it — replacing whatever a
 * client sent under that name. Installed once from `register()` in src/instrumentation.ts.
 */

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean

declare global {
  var __newsroomPeerIpStamp: boolean | undefined
}

export function stampPeerIp(request: http.IncomingMessage): void {
  request.headers[PEER_IP_HEADER] = request.socket?.remoteAddress ?? ''
}

export function installPeerIpStamp(): boolean {
  if (globalThis.__newsroomPeerIpStamp) return false
  for (const prototype of [http.Server.prototype, https.Server.prototype] as unknown as { emit: Emit }[]) {
    const original = prototype.emit
    prototype.emit = function emitWithPeerIp(this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === 'request' && args[0]) stampPeerIp(args[0] as http.IncomingMessage)
      return original.call(this, event, ...args)
    }
  }
  globalThis.__newsroomPeerIpStamp = true
  return true
}

export const isPeerIpStampInstalled = () => Boolean(globalThis.__newsroomPeerIpStamp)
