/**
 * `npm run bench [-- --articles 1000] [--import-files 5000] [--duration 10] [--warmup 3]
 *   [--db sqlite|postgres] [--redis] [--only Q1,W0,W1]`
 *
 * Builds the app if needed, fills a fresh temporary database with generated articles through
 * the Local API (a SQLite file, or with `--db postgres` a new database `newsroom_bench_<random>`
 * on the PostgreSQL at `--pg-url`, dropped at the end), starts the server as `npm start` does,
 * checks that the answers are right, then drives each workload from a separate process
 * (autocannon, 20 connections, loopback) and prints a table, also written as JSON to
 * bench/results/. Not a test: numbers depend on the machine, so they are reported, never asserted.
 *
 * `--redis` gives the server (and fill, importer) Redis at `--redis-url` with a key prefix of its
 * own (`newsroom-bench-<random>:`), whose keys are deleted at the end: the shared KV, the comment
 * rate limit and the response cache's narrow invalidation by pub/sub. Without it REDIS_URL is unset.
 *
 * W0 and W1 are a reader mix (Q1 and P1 at half the connections each); during W1 an editor
 * publishes a change every `--publish-every` seconds and approves `--approve-rate` comments a
 * second, so W1 against W0 shows what writes cost the readers.
 *
 * `--cpu-prof` writes the server's V8 CPU profiles to bench/results/profiles/ (open them in
 * Chrome DevTools or speedscope) — measure with `--only` so a profile covers one workload.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { writeCorpus, type CorpusArticle } from './corpus'
import { postPendingComments, startEditor, type EditorReport, type Server } from './editor'
import type { KindResult, LoadResult } from './load'
import { checkRedis, createPostgresDatabase, deleteRedisKeys } from './stores'
import { Q1, Q2, checkQ1, checkQ2 } from './queries'
import { npmStartCommand } from '../scripts/startCommand.mjs'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    'import-files': { type: 'string', default: '5000' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '20' },
    port: { type: 'string', default: '3310' },
    build: { type: 'boolean', default: false },
    only: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    db: { type: 'string', default: 'sqlite' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    redis: { type: 'boolean', default: false },
    'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
    'publish-every': { type: 'string', default: '5' },
    'approve-rate': { type: 'string', default: '2' },
  },
})
if (values.db !== 'sqlite' && values.db !== 'postgres') {
  console.error(`--db must be sqlite or postgres, got "${values.db}"`)
  process.exit(2)
}
const db = values.db
const pgUrl = values['pg-url']!.replace(/\/+$/, '')
const redisUrl = values.redis ? values['redis-url']! : undefined
const publishEvery = Number(values['publish-every'])
const approveRate = Number(values['approve-rate'])
/** Names this run's PostgreSQL databases and Redis keys, so runs never meet. */
const runId = randomBytes(4).toString('hex')
const redisPrefix = `newsroom-bench-${runId}:`
const articles = Number(values.articles)
const importFiles = Number(values['import-files'])
const duration = Number(values.duration)
const warmup = Number(values.warmup)
const connections = Number(values.connections)
const base = `http://127.0.0.1:${values.port}`
const only = values.only?.split(',')
const root = path.resolve(import.meta.dirname, '..')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'))
const ADMIN = { email: 'bench@newsroom.test', password: 'bench-passwort-1234', name: 'Bench Admin' }

type Row = {
  workload: string
  reqPerSec?: number
  p50?: number
  p99?: number
  errors?: number
  non2xx?: number
  /** Share of answers the response cache gave (`x-response-cache: HIT`), 0–1. */
  hitRatio?: number
  rssMb?: number
  note?: string
  /** W0/W1: per kind of request. */
  kinds?: Record<string, KindResult>
  /** W1: the editor's writes. */
  editor?: EditorReport
}
const rows: Row[] = []
const log = (message: string) => console.log(`[bench] ${message}`)

/** What has to be undone at the end whatever happens (databases, Redis keys), latest first. */
const cleanups: Array<() => Promise<unknown>> = []
async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup()
    } catch (error) {
      console.error(`[bench] clean-up failed: ${error instanceof Error ? error.message : error}`)
    }
  }
}

/** The server, load generators and bare server of this run, stopped on Ctrl-C before the clean-up. */
const children = new Set<ChildProcess>()
function track(child: ChildProcess): ChildProcess {
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}

/**
 * A fresh, empty database (`label`: bench, import): a file in the work folder, or a new
 * PostgreSQL database that is dropped at the end. The app applies its migrations on start.
 */
async function freshDatabase(label: string): Promise<string> {
  if (db === 'sqlite') return `file:${path.join(work, `${label}.db`)}`
  const name = `newsroom_bench_${runId}${label === 'bench' ? '' : `_${label}`}`
  const database = await createPostgresDatabase(pgUrl, name)
  cleanups.push(async () => {
    await database.drop()
    log(`dropped PostgreSQL database ${name}`)
  })
  log(`created PostgreSQL database ${name}`)
  return database.uri
}

function environment(
  databaseUri: string,
  mediaDir: string,
  keyPrefix = redisPrefix,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URI: databaseUri,
    MEDIA_DIR: mediaDir,
    PAYLOAD_SECRET: 'bench-secret-not-for-production',
    SEED_ON_START: 'false',
    PORT: values.port,
    NEXT_PUBLIC_SERVER_URL: base,
    // Each run has a fresh database: never serve pages an earlier run left in .next/cache.
    // C1 posts from one client address; the bench-only override lifts the comment rate limit.
    BENCH_COMMENT_RATE_LIMIT: '1000000,1000000',
  }
  // Redis only when asked for, never from the calling shell.
  delete env.REDIS_URL
  delete env.REDIS_KEY_PREFIX
  if (redisUrl) Object.assign(env, { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: keyPrefix })
  return env
}

function importCorpus(dir: string, env: NodeJS.ProcessEnv): number {
  const started = performance.now()
  execFileSync(process.execPath, ['--import', 'tsx', 'src/seed/cli.ts', '--dir', dir], {
    cwd: root,
    env: { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  return (performance.now() - started) / 1000
}

function ensureBuild() {
  if (!values.build && fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) return
  log('building (next build)…')
  execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    cwd: root,
    stdio: 'inherit',
  })
}

/** Peak resident memory of the server and its children, sampled from /proc. */
function watchMemory(pid: number) {
  let peak = 0
  let sincePeak = 0
  const rssOf = (id: number): number => {
    try {
      const status = fs.readFileSync(`/proc/${id}/status`, 'utf8')
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      const children = fs
        .readFileSync(`/proc/${id}/task/${id}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
      return kb + children.reduce((sum, child) => sum + rssOf(Number(child)), 0)
    } catch {
      return 0
    }
  }
  const timer = setInterval(() => {
    const rss = rssOf(pid)
    peak = Math.max(peak, rss)
    sincePeak = Math.max(sincePeak, rss)
  }, 200)
  return {
    peakMb: () => Math.round(peak / 1024),
    /** Peak since the last call, for one workload. */
    takePeakMb: () => {
      const mb = Math.round(sincePeak / 1024)
      sincePeak = 0
      return mb
    },
    stop: () => clearInterval(timer),
  }
}

async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  // Caches are memory-only (next.config.mjs); this clears what older builds may have written.
  fs.rmSync(path.join(root, '.next/cache/fetch-cache'), { recursive: true, force: true })
  const serverLog = fs.openSync(path.join(work, 'server.log'), 'a')
  const profiles = path.join(root, 'bench/results/profiles')
  const profiling = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : []
  const start = npmStartCommand(root, profiling)
  const server = track(
    spawn(process.execPath, start.args, {
      cwd: root,
      env: { ...env, ...start.env, PORT: values.port! },
      stdio: ['ignore', serverLog, serverLog],
    }),
  )
  server.on(
    'exit',
    (code) =>
      code &&
      console.error(`[bench] server exited with ${code}; log: ${path.join(work, 'server.log')}`),
  )
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/users/me`)).ok) return server
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('server did not start')
}

/**
 * Runs the load generator in its own process; asynchronous, so the memory sampler keeps
 * running. `onMeasuring` is called when its measured run starts (after the warm-up).
 */
function load(spec: Record<string, unknown>, onMeasuring?: () => void): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const args = [
      '--import',
      'tsx',
      'bench/load.ts',
      JSON.stringify({ connections, duration, warmup, ...spec }),
    ]
    const child = track(
      spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }),
    )
    let stdout = ''
    child.stdout!.setEncoding('utf8')
    child.stdout!.on('data', (chunk: string) => {
      stdout += chunk
      if (onMeasuring && /^measuring$/m.test(stdout)) {
        const started = onMeasuring
        onMeasuring = undefined
        started()
      }
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`))
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)!))
    })
  })
}

/**
 * Node's fetch reuses pooled keep-alive sockets, which the server closes while a 10 s load
 * run occupies it; a request that meets such a socket is sent once more on a fresh one.
 */
const http = (url: string, init?: RequestInit) => fetch(url, init).catch(() => fetch(url, init))

const graphqlBody = (query: string, variables: Record<string, unknown> = {}) =>
  JSON.stringify({ query, variables })

async function graphql(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const response = await http(`${base}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: graphqlBody(query, variables),
  })
  return response.json()
}

let memory: ReturnType<typeof watchMemory>

const rowOf = (workload: string, result: LoadResult): Row => ({
  workload,
  reqPerSec: Math.round(result.requestsPerSecond),
  p50: result.p50,
  p99: result.p99,
  errors: result.errors,
  non2xx: result.non2xx,
  hitRatio: result.hitRatio,
})

async function measure(
  workload: string,
  spec: Record<string, unknown>,
  note?: string,
  onMeasuring?: () => void,
) {
  if (only && !only.includes(workload)) return
  log(`measuring ${workload}…`)
  memory.takePeakMb()
  const result = await load(spec, onMeasuring)
  rows.push({ ...rowOf(workload, result), rssMb: memory.takePeakMb(), note })
  log(JSON.stringify(rows.at(-1)))
  return result
}

const kindsNote = (kinds: Record<string, KindResult> = {}) =>
  Object.entries(kinds)
    .map(
      ([name, kind]) =>
        `${name} ${Math.round(kind.requestsPerSecond)}/s (${kind.p50}/${kind.p99} ms, hits ${(kind.hitRatio * 100).toFixed(1)} %)`,
    )
    .join(', ')

/** Row B0: Q1's answer from a bare Node server, the load generator's ceiling in this run. */
async function measureBare(body: string, headers: Record<string, string>) {
  if (only && !only.includes('B0')) return
  const file = path.join(work, 'bare.json')
  fs.writeFileSync(file, body)
  const port = String(Number(values.port) + 1)
  const bare = track(
    spawn(process.execPath, ['--import', 'tsx', 'bench/bareServer.ts', file, port], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  )
  try {
    await new Promise<void>((resolve, reject) => {
      bare.stdout!.once('data', () => resolve())
      bare.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)))
    })
    log('measuring B0…')
    const result = await load({
      url: `http://127.0.0.1:${port}/`,
      method: 'POST',
      headers,
      body: graphqlBody(Q1),
    })
    rows.push({ ...rowOf('B0', result), note: 'Q1 answer from a bare Node server: the ceiling' })
    log(JSON.stringify(rows.at(-1)))
  } finally {
    bare.kill()
  }
}

async function main() {
  ensureBuild()
  if (redisUrl) {
    await checkRedis(redisUrl)
    // Also the importer's keys (`newsroom-bench-<id>-import:`).
    const prefix = `newsroom-bench-${runId}`
    cleanups.push(async () =>
      log(`deleted ${await deleteRedisKeys(redisUrl, prefix)} Redis keys ${prefix}*`),
    )
  }
  log(`database: ${db}${redisUrl ? `, Redis ${redisUrl} (keys ${redisPrefix}*)` : ', no Redis'}`)
  const env = environment(await freshDatabase('bench'), path.join(work, 'media'))

  log(`filling ${articles} generated articles…`)
  const corpus: CorpusArticle[] = writeCorpus(path.join(work, 'corpus'), articles)
  fs.writeFileSync(path.join(work, 'corpus.json'), JSON.stringify(corpus))
  const fillStarted = performance.now()
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/fill.ts', path.join(work, 'corpus.json')],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  log(`filled in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`)

  const server = await startServer(env)
  memory = watchMemory(server.pid!)
  try {
    const register = await http(`${base}/api/users/first-register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
    const { token } = await register.json()
    const auth = { Authorization: `JWT ${token}` }
    const asEditor: Server = { base, http, auth }

    // Refuse to report numbers for wrong answers.
    const titles = new Set(corpus.map((article) => article.title))
    const q1 = await graphql(Q1)
    checkQ1(q1, titles)
    const newest = q1.data.Articles.docs[0]
    const q2 = await graphql(Q2, { slug: newest.slug })
    checkQ2(q2, newest.title)
    const page = await (await http(`${base}/artikel/${newest.slug}`)).text()
    if (!page.includes(newest.title.replace(/„|“/g, ''))) {
      if (!page.includes(newest.title))
        throw new Error('article page does not show the article title')
    }
    const home = await (await http(`${base}/`)).text()
    if (!home.includes(newest.slug)) throw new Error('home page does not link the newest article')
    log('answers checked')

    const json = { 'content-type': 'application/json' }
    await measureBare(JSON.stringify(q1), json)
    await measure(
      'Q1',
      { url: `${base}/api/graphql`, method: 'POST', headers: json, body: graphqlBody(Q1) },
      '10 newest + relations',
    )
    await measure(
      'Q2',
      {
        url: `${base}/api/graphql`,
        method: 'POST',
        headers: json,
        body: graphqlBody(Q2, { slug: newest.slug }),
      },
      'one article, full body',
    )
    await measure(
      'Q1-nocache',
      {
        url: `${base}/api/graphql`,
        method: 'POST',
        headers: { ...json, 'cache-control': 'no-cache' },
        body: graphqlBody(Q1),
      },
      'response cache bypassed',
    )
    await measure(
      'Q2-nocache',
      {
        url: `${base}/api/graphql`,
        method: 'POST',
        headers: { ...json, 'cache-control': 'no-cache' },
        body: graphqlBody(Q2, { slug: newest.slug }),
      },
      'response cache bypassed',
    )
    await measure(
      'P1',
      { url: `${base}/artikel/${newest.slug}`, method: 'GET' },
      'article page HTML',
    )
    await measure('P2', { url: `${base}/`, method: 'GET' }, 'home page HTML')

    // W0/W1: readers of the list (Q1) and of the newest article's page (P1), 10 connections each.
    const readers = [
      {
        name: 'Q1',
        url: `${base}/api/graphql`,
        method: 'POST',
        headers: json,
        body: graphqlBody(Q1),
      },
      { name: 'P1', url: `${base}/artikel/${newest.slug}`, method: 'GET' },
    ]
    const newestTen: Array<{ id: string; title: string }> = q1.data.Articles.docs
    // Comments for W1's editor to approve, posted before W0 so both runs start alike.
    const pendingCount = Math.ceil((duration + 1) * approveRate) + 5
    const pending =
      !only || only.includes('W1')
        ? await postPendingComments(
            asEditor,
            newestTen.map((article) => article.id),
            pendingCount,
            runId,
          )
        : []
    const w0 = await measure('W0', { mix: readers }, 'Q1 + P1 readers, no writes')
    if (w0)
      Object.assign(rows.at(-1)!, {
        kinds: w0.kinds,
        note: `${rows.at(-1)!.note}: ${kindsNote(w0.kinds)}`,
      })
    if (!only || only.includes('W1')) {
      let editor: ReturnType<typeof startEditor> | undefined
      const startWriting = () =>
        (editor = startEditor(asEditor, newestTen, pending, { publishEvery, approveRate }))
      const note = `Q1 + P1 readers; a publish every ${publishEvery} s, ${approveRate} approvals/s`
      let w1: LoadResult | undefined
      let report: EditorReport | undefined
      try {
        w1 = await measure('W1', { mix: readers }, note, startWriting)
      } finally {
        // Stopped whatever happened to the load generator, so no timer keeps the run alive.
        report = await editor?.stop()
      }
      if (!w1 || !report) throw new Error('W1: the load generator never reported its measured run')
      const row = Object.assign(rows.at(-1)!, { kinds: w1.kinds, editor: report })
      const share = w0
        ? `, ${Math.round((w1.requestsPerSecond / w0.requestsPerSecond) * 100)} % of W0`
        : ''
      const writes = `${report.publishes} publishes, ${report.approvals} approvals`
      row.note += `: ${kindsNote(w1.kinds)}; ${writes} (p50 ${report.p50Ms} ms, max ${report.maxMs} ms)${share}`
      log(row.note!)
      if (report.failed.length) {
        throw new Error(
          `W1: ${report.failed.length} editor writes failed: ${report.failed.slice(0, 3).join('; ')}`,
        )
      }
    }

    if (!only || only.includes('C1')) {
      const before = await (
        await http(`${base}/api/comments?limit=0&depth=0&where[article][equals]=${newest.id}`, {
          headers: auth,
        })
      ).json()
      const body = JSON.stringify({
        article: newest.id,
        authorName: 'Bench Leser',
        authorEmail: 'leser@example.com',
        body: 'Kommentar Nummer __N__ aus dem Benchmark.',
      })
      const result = await measure(
        'C1',
        {
          url: `${base}/api/comments`,
          method: 'POST',
          headers: json,
          body,
          uniqueBody: true,
          warmup: 0,
        },
        'comment posts',
      )
      const acknowledged = result?.acknowledged
      if (!acknowledged) throw new Error('C1: the load generator reported no acknowledged ids')
      const after = await (
        await http(`${base}/api/comments?limit=0&depth=0&where[article][equals]=${newest.id}`, {
          headers: auth,
        })
      ).json()
      const storedIds = new Set<string>(after.docs.map((doc: { id: string }) => doc.id))
      const bodies = after.docs.map((doc: { body: string }) => doc.body)
      const lost = acknowledged.filter((id) => !storedIds.has(id)).length
      const doubled = bodies.length - new Set(bodies).size
      // Requests still in flight when the run ends are stored but not counted by autocannon.
      const unacknowledged = after.totalDocs - before.totalDocs - acknowledged.length
      rows.at(-1)!.note =
        `${acknowledged.length} acknowledged: ${lost} lost, ${doubled} doubled (${unacknowledged} stored while the run ended)`
      if (lost > 0 || doubled > 0 || unacknowledged < 0 || unacknowledged > connections)
        throw new Error(`C1: ${rows.at(-1)!.note}`)
    }

    if (!only || only.includes('F1')) {
      log('measuring F1 (publish → visible)…')
      memory.takePeakMb()
      const times: number[] = []
      const target = q1.data.Articles.docs[0]
      for (let i = 0; i < 20; i++) {
        const title = `Aktualisiert ${i} ${Date.now()}`
        const started = performance.now()
        await http(`${base}/api/articles/${target.id}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', ...auth },
          body: JSON.stringify({ title, _status: 'published' }),
        })
        for (;;) {
          const [html, list] = await Promise.all([
            http(`${base}/artikel/${target.slug}`).then((r) => r.text()),
            graphql(Q1),
          ])
          if (html.includes(title) && list.data?.Articles?.docs?.[0]?.title === title) break
          if (performance.now() - started > 10_000)
            throw new Error('F1: change not visible after 10 s')
          await new Promise((resolve) => setTimeout(resolve, 5))
        }
        times.push(performance.now() - started)
      }
      times.sort((a, b) => a - b)
      rows.push({
        workload: 'F1',
        rssMb: memory.takePeakMb(),
        note: `median ${Math.round(times[10])} ms, max ${Math.round(times.at(-1)!)} ms (20 publishes)`,
      })
    }
  } finally {
    memory.stop()
    rows.push({ workload: 'RSS', note: `server peak ${memory.peakMb()} MB` })
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
  }

  if (importFiles > 0 && (!only || only.includes('I1'))) {
    log(`measuring I1: importing ${importFiles} generated files into a fresh database…`)
    const importDir = path.join(work, 'import')
    writeCorpus(importDir, importFiles, 100_000)
    const importEnv = environment(
      await freshDatabase('import'),
      path.join(work, 'import-media'),
      `newsroom-bench-${runId}-import:`,
    )
    const seconds = importCorpus(importDir, importEnv)
    rows.push({
      workload: 'I1',
      reqPerSec: Math.round(importFiles / seconds),
      note: `articles/s, ${importFiles} files in ${seconds.toFixed(1)} s`,
    })
  }

  console.table(rows.map(({ kinds: _kinds, editor: _editor, ...row }) => row))
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model}`
  const result = {
    date: new Date().toISOString(),
    machine,
    node: process.version,
    db,
    redis: Boolean(redisUrl),
    articles,
    connections,
    duration,
    warmup,
    rows,
  }
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true })
  const file = path.join(root, 'bench/results', `bench-${result.date.replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(file, JSON.stringify(result, null, 2))
  log(`written to ${path.relative(root, file)}`)
}

process.once('SIGINT', () => {
  log('interrupted: cleaning up…')
  for (const child of children) child.kill('SIGTERM')
  void cleanUp().finally(() => process.exit(130))
})

main()
  .catch((error) => {
    console.error(
      `[bench] ${error instanceof Error ? `${error.message} ${error.cause ?? ''}` : error}`,
    )
    process.exitCode = 1
  })
  .finally(async () => {
    await cleanUp()
    if (!process.exitCode) fs.rmSync(work, { recursive: true, force: true })
    else console.error(`[bench] kept ${work} for inspection`)
  })
