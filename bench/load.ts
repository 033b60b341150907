/**
 * The load generator, run as its own process so it does not share an event loop (or a core's
 * time slice accounting) with the orchestrator: `tsx bench/load.ts '<json spec>'` prints the
 * autocannon result as JSON. `uniqueBody` numbers each request (comment posts must be unique to
 * count lost or doubled ones); acknowledged ids are reported back.
 */
import autocannon from 'autocannon'

type Spec = {
  url: string
  method: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  uniqueBody?: boolean
  connections: number
  duration: number
  warmup: number
}

/** What this process prints: one JSON line that bench/run.ts reads. */
export type LoadResult = {
  requestsPerSecond: number
  p50: number
  p99: number
  errors: number
  non2xx: number
  total: number
  acknowledged?: string[]
  sent?: number
}

const spec = JSON.parse(process.argv[2] ?? '{}') as Spec

let counter = 0
const acknowledged: string[] = []

const request: autocannon.Request = { method: spec.method, headers: spec.headers, body: spec.body }
if (spec.uniqueBody) {
  request.setupRequest = (next) => ({ ...next, body: spec.body!.replaceAll('__N__', String(++counter)) })
  request.onResponse = (status, body) => {
    if (status >= 200 && status < 300) {
      const id = /"id":"([^"]+)"/.exec(body)?.[1]
      if (id) acknowledged.push(id)
    }
  }
}

const run = (duration: number) => autocannon({ url: spec.url, connections: spec.connections, duration, requests: [request] })

if (spec.warmup > 0 && !spec.uniqueBody) await run(spec.warmup)
const result = await run(spec.duration)
console.log(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
    acknowledged: spec.uniqueBody ? acknowledged : undefined,
    sent: spec.uniqueBody ? counter : undefined,
  } satisfies LoadResult),
)
