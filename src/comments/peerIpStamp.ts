import type http from 'node:http'

import { interceptRequests, isIntercepting, SERVER_PROTOTYPES } from '@/lib/http/interceptRequests'
import { PEER_IP_HEADER } from './clientIp'

/**
 * Next.js hides the TCP peer address from route handlers, and it keeps an `X-Forwarded-For`
 * sent by the client. So every request an HTTP(S) server of this process receives gets the
 * peer address stamped as `x-newsroom-peer-ip` before Next.js sees it — replacing whatever a
 * client sent under that name. Installed once from `register()` in src/instrumentation.ts.
 */

export function stampPeerIp(request: http.IncomingMessage): void {
  request.headers[PEER_IP_HEADER] = request.socket?.remoteAddress ?? ''
}

export function installPeerIpStamp(): boolean {
  return interceptRequests(
    'peer-ip-stamp',
    (request, response, next) => {
      stampPeerIp(request)
      next(request, response)
    },
    SERVER_PROTOTYPES.httpAndHttps,
  )
}

export const isPeerIpStampInstalled = () => isIntercepting('peer-ip-stamp')
