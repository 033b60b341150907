/**
 * The app's one entry, for `npm start` and `npm run dev` alike: Next.js's documented custom
 * server (`next()` + `getRequestHandler()`, as in Payload's examples/custom-server) behind the
 * request pipeline of ./pipeline.ts, which lists what a request meets, in order.
 *
 * Start-up: Payload first (migrations, jobs queue), the first-start seed, then Next.js, then
 * the port opens — no request is taken before the database is ready.
 */
import http from 'node:http'

import config from '@payload-config'
import next from 'next'
import { getPayload, handleEndpoints } from 'payload'

import { readContentVersion } from '@/globals/ContentVersion'
import { apiFastPathEnabled } from '@/lib/apiFastPath'
import { RecordingResponse } from '@/lib/http/recordingResponse'
import { graphqlPost } from '@/lib/graphql/handler'
import { redisUrl } from '@/lib/redis'
import { createResponseCache, responseCacheSettings } from '@/lib/responseCache/handler'
import { RedisChangeFeed } from '@/lib/responseCache/redisFeed'
import { expireTagsAt, serveTagExpiryAt } from '@/lib/revalidate'
import { seedOnStart } from '@/seed/seedOnStart'
import { requestPipeline } from './pipeline'

const dev = process.env.NODE_ENV !== 'production'
const port = Number(process.env.PORT) || 3000
/** Where this process reaches its own site (tag expiry, the response cache's site-cache expiry). */
const origin = `http://127.0.0.1:${port}`

// `cron: true`: the jobs queue (scheduled publishing) runs from the start, not from the first
// API request.
const payload = await getPayload({ config, cron: true })
await seedOnStart(payload)

const server = http.createServer({ ServerResponse: RecordingResponse })
const app = next({ dev, port })
await app.prepare()

const cache = responseCacheSettings()
// With REDIS_URL, instances hear each other's changes by pub/sub, with what they touched.
const redis = redisUrl()
const handleRequest = requestPipeline({
  responseCache: cache.enabled
    ? createResponseCache({
        readVersion: () => readContentVersion(payload),
        expireTags: (tags) => expireTagsAt(origin, tags),
        feed: redis ? new RedisChangeFeed(redis) : null,
        maxBytes: cache.maxBytes,
      })
    : null,
  api: apiFastPathEnabled()
    ? { graphql: graphqlPost(config), rest: (request) => handleEndpoints({ config, request }) }
    : null,
  next: app.getRequestHandler(),
})

server.on(
  'request',
  (request, response: RecordingResponse) => void handleRequest(request, response),
)
server.listen(port, () => {
  serveTagExpiryAt(origin)
  console.log(`> Ready on http://localhost:${port} (${dev ? 'development' : 'production'})`)
})

// Stop taking requests, let those in flight finish (10 s at most), then close Next and Payload.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    setTimeout(() => process.exit(0), 10_000).unref()
    server.close(() => {
      void app
        .close()
        .then(() => payload.destroy())
        .finally(() => process.exit(0))
    })
    server.closeIdleConnections()
  })
}
