/**
 * The load generator, run as its own process so it does not share an event loop (or a core's
 * time slice accounting) with the orchestrator: `tsx bench/load.ts '<json spec>'` prints the
 * autocannon result as JSON. `uniqueBody` numbers each request (comment posts must be unique to
 * count lost or doubled ones); acknowledged ids are reported back.
 *
 * `mix: [{ name, url, method, … }, …]` runs one autocannon per kind at the same time, the
 * connections split evenly between them (a reader mix such as W0/W1: Q1 and P1 at 10 each).
 * The result then adds `kinds` (per kind: requests/s, p50/p99, hit ratio); its own p50/p99 are
 * over all kinds' 2xx answers together, recorded from autocannon's `response` events.
 *
 * Every run counts the response cache's answers (`x-response-cache: HIT` against every other
 * answer, the header missing included): `hitRatio`. Just before the measured run starts (after
 * the warm-up) the process prints `measuring` on a line of its own, so the orchestrator can
 * start what has to happen during the measurement (W1's editor); the last line is the JSON.
 */
import autocannon from 'autocannon'

type RequestSpec = {
  name?: string
  url: string
  method: 'GET' | 'POST' | 'PATCH'
  headers?: Record<string, string>
  body?: string
  uniqueBody?: boolean
}

type Spec = Partial<RequestSpec> & {
  connections: number
  duration: number
  warmup: number
  mix?: RequestSpec[]
}

/** One kind of request of a mix. */
export type KindResult = {
  requestsPerSecond: number
  p50: number
  p99: number
  total: number
  hitRatio: number
}

/** What this process prints: one JSON line that bench/run.ts reads. */
export type LoadResult = {
  requestsPerSecond: number
  p50: number
  p99: number
  errors: number
  non2xx: number
  total: number
  /** Share of answers with `x-response-cache: HIT` (0–1). */
  hitRatio: number
  kinds?: Record<string, KindResult>
  acknowledged?: string[]
  sent?: number
}

const spec = JSON.parse(process.argv[2] ?? '{}') as Spec

let counter = 0
const acknowledged: string[] = []

/** Answers counted per kind while `counting` is on (the measured run, not the warm-up). */
type Tally = { hits: number; answers: number; latencies: number[] }
let counting = false

function request(kind: RequestSpec): autocannon.Request {
  const built: autocannon.Request = { method: kind.method, headers: kind.headers, body: kind.body }
  if (kind.uniqueBody) {
    built.setupRequest = (next) => ({
      ...next,
      body: kind.body!.replaceAll('__N__', String(++counter)),
    })
    built.onResponse = (status, body) => {
      if (status >= 200 && status < 300) {
        const id = /"id":"([^"]+)"/.exec(body)?.[1]
        if (id) acknowledged.push(id)
      }
    }
  }
  return built
}

function run(
  kind: RequestSpec,
  connections: number,
  duration: number,
  tally: Tally,
): Promise<autocannon.Result> {
  let finish!: (error: unknown, result: autocannon.Result) => void
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error) : resolve(result))
  })
  // The callback form returns the instance, whose `response` events carry each latency.
  const instance = autocannon(
    {
      url: kind.url,
      connections,
      duration,
      requests: [request(kind)],
      setupClient: (client) => {
        // autocannon passes its HTTP parser's record (typed as headers): the raw headers of each
        // answer are in `headers`, as [name, value, name, value, …].
        client.on('headers', (parsed) => {
          if (!counting) return
          const { headers } = parsed as unknown as { headers: string[] }
          tally.answers++
          for (let i = 0; i < headers.length; i += 2) {
            if (headers[i].toLowerCase() === 'x-response-cache') {
              if (headers[i + 1] === 'HIT') tally.hits++
              break
            }
          }
        })
      },
    },
    (error, result) => finish(error, result),
  )
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (counting && statusCode >= 200 && statusCode < 300) tally.latencies.push(responseTime)
  })
  return finished
}

const newTally = (): Tally => ({ hits: 0, answers: 0, latencies: [] })
const ratio = (tally: Tally) =>
  tally.answers ? Math.round((tally.hits / tally.answers) * 1000) / 1000 : 0

/** Percentile of sorted latencies, in ms with one decimal. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0
  const value = sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
  return Math.round(value * 10) / 10
}

const kinds: RequestSpec[] = spec.mix ?? [spec as RequestSpec]
const perKind = Math.max(1, Math.round(spec.connections / kinds.length))

if (spec.warmup > 0 && !spec.uniqueBody) {
  await Promise.all(kinds.map((kind) => run(kind, perKind, spec.warmup, newTally())))
}
const tallies = kinds.map(newTally)
console.log('measuring')
counting = true
const results = await Promise.all(
  kinds.map((kind, i) => run(kind, perKind, spec.duration, tallies[i])),
)
counting = false

const sum = (pick: (result: autocannon.Result) => number) =>
  results.reduce((total, result) => total + pick(result), 0)
const all: Tally = {
  hits: tallies.reduce((total, tally) => total + tally.hits, 0),
  answers: tallies.reduce((total, tally) => total + tally.answers, 0),
  latencies: tallies.flatMap((tally) => tally.latencies).sort((a, b) => a - b),
}
const mixed = kinds.length > 1

console.log(
  JSON.stringify({
    requestsPerSecond: sum((result) => result.requests.average),
    p50: mixed ? percentile(all.latencies, 50) : results[0].latency.p50,
    p99: mixed ? percentile(all.latencies, 99) : results[0].latency.p99,
    errors: sum((result) => result.errors + result.timeouts),
    non2xx: sum((result) => result.non2xx),
    total: sum((result) => result.requests.total),
    hitRatio: ratio(all),
    kinds: mixed
      ? Object.fromEntries(
          kinds.map((kind, i) => {
            const sorted = tallies[i].latencies.sort((a, b) => a - b)
            const result = results[i]
            const kindResult: KindResult = {
              requestsPerSecond: result.requests.average,
              p50: percentile(sorted, 50),
              p99: percentile(sorted, 99),
              total: result.requests.total,
              hitRatio: ratio(tallies[i]),
            }
            return [kind.name ?? String(i), kindResult]
          }),
        )
      : undefined,
    acknowledged: spec.uniqueBody ? acknowledged : undefined,
    sent: spec.uniqueBody ? counter : undefined,
  } satisfies LoadResult),
)
