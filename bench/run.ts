/**
 * `npm run bench [-- --articles 1000] [--import-files 5000] [--duration 10] [--warmup 3]`
 *
 * Builds the app if needed, fills a fresh temporary SQLite database with generated articles
 * through the seed importer, starts `next start`, checks that the answers are right, then
 * drives each workload from a separate process (autocannon, 20 connections, loopback) and
 * prints a table, also written as JSON to bench/results/. Not a test: numbers depend on the
 * machine, so they are reported, never asserted.
 *
 * `--cpu-prof` writes the server's V8 CPU profiles to bench/results/profiles/ (open them in
 * Chrome DevTools or speedscope) — measure with `--only` so a profile covers one workload.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs, promisify } from 'node:util'

import { writeCorpus, type CorpusArticle } from './corpus'
import type { LoadResult } from './load'
import { Q1, Q2, checkQ1, checkQ2 } from './queries'
import { npmStartCommand } from '../scripts/startCommand.mjs'

const execFileAsync = promisify(execFile)
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
  },
})
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

type Row = { workload: string; reqPerSec?: number; p50?: number; p99?: number; errors?: number; non2xx?: number; rssMb?: number; note?: string }
const rows: Row[] = []
const log = (message: string) => console.log(`[bench] ${message}`)

function environment(dbFile: string, mediaDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URI: `file:${dbFile}`,
    MEDIA_DIR: mediaDir,
    PAYLOAD_SECRET: 'bench-secret-not-for-production',
    SEED_ON_START: 'false',
    PORT: values.port,
    NEXT_PUBLIC_SERVER_URL: base,
    // Each run has a fresh database: never serve pages an earlier run left in .next/cache.
      // C1 posts from one client address; the bench-only override lifts the comment rate limit.
    BENCH_COMMENT_RATE_LIMIT: '1000000,1000000',
  }
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
  execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { cwd: root, stdio: 'inherit' })
}

/** Peak resident memory of the server and its children, sampled from /proc. */
function watchMemory(pid: number) {
  let peak = 0
  let sincePeak = 0
  const rssOf = (id: number): number => {
    try {
      const status = fs.readFileSync(`/proc/${id}/status`, 'utf8')
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      const children = fs.readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
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
  const server = spawn(process.execPath, start.args, {
    cwd: root,
    env: { ...env, ...start.env, PORT: values.port! },
    stdio: ['ignore', serverLog, serverLog],
  })
  server.on('exit', (code) => code && console.error(`[bench] server exited with ${code}; log: ${path.join(work, 'server.log')}`))
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

/** Runs the load generator in its own process; asynchronous, so the memory sampler keeps running. */
async function load(spec: Record<string, unknown>): Promise<LoadResult> {
  const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', 'bench/load.ts', JSON.stringify({ connections, duration, warmup, ...spec })], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return JSON.parse(stdout.trim().split('\n').at(-1)!)
}

/**
 * Node's fetch reuses pooled keep-alive sockets, which the server closes while a 10 s load
 * run occupies it; a request that meets such a socket is sent once more on a fresh one.
 */
const http = (url: string, init?: RequestInit) => fetch(url, init).catch(() => fetch(url, init))

const graphqlBody = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables })

async function graphql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await http(`${base}/api/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: graphqlBody(query, variables) })
  return response.json()
}

let memory: ReturnType<typeof watchMemory>

async function measure(workload: string, spec: Record<string, unknown>, note?: string) {
  if (only && !only.includes(workload)) return
  log(`measuring ${workload}…`)
  memory.takePeakMb()
  const result = await load(spec)
  rows.push({ workload, reqPerSec: Math.round(result.requestsPerSecond), p50: result.p50, p99: result.p99, errors: result.errors, non2xx: result.non2xx, rssMb: memory.takePeakMb(), note })
  log(JSON.stringify(rows.at(-1)))
  return result
}

/** Row B0: Q1's answer from a bare Node server, the load generator's ceiling in this run. */
async function measureBare(body: string, headers: Record<string, string>) {
  if (only && !only.includes('B0')) return
  const file = path.join(work, 'bare.json')
  fs.writeFileSync(file, body)
  const port = String(Number(values.port) + 1)
  const bare = spawn(process.execPath, ['--import', 'tsx', 'bench/bareServer.ts', file, port], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    await new Promise<void>((resolve, reject) => {
      bare.stdout!.once('data', () => resolve())
      bare.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)))
    })
    log('measuring B0…')
    const result = await load({ url: `http://127.0.0.1:${port}/`, method: 'POST', headers, body: graphqlBody(Q1) })
    rows.push({ workload: 'B0', reqPerSec: Math.round(result.requestsPerSecond), p50: result.p50, p99: result.p99, errors: result.errors, non2xx: result.non2xx, note: 'Q1 answer from a bare Node server: the ceiling' })
    log(JSON.stringify(rows.at(-1)))
  } finally {
    bare.kill()
  }
}

async function main() {
  ensureBuild()
  const dbFile = path.join(work, 'bench.db')
  const env = environment(dbFile, path.join(work, 'media'))

  log(`filling ${articles} generated articles…`)
  const corpus: CorpusArticle[] = writeCorpus(path.join(work, 'corpus'), articles)
  fs.writeFileSync(path.join(work, 'corpus.json'), JSON.stringify(corpus))
  const fillStarted = performance.now()
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/fill.ts', path.join(work, 'corpus.json')], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  log(`filled in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`)

  const server = await startServer(env)
  memory = watchMemory(server.pid!)
  try {
    const register = await http(`${base}/api/users/first-register`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) })
    const { token } = await register.json()
    const auth = { Authorization: `JWT ${token}` }

    // Refuse to report numbers for wrong answers.
    const titles = new Set(corpus.map((article) => article.title))
    const q1 = await graphql(Q1)
    checkQ1(q1, titles)
    const newest = q1.data.Articles.docs[0]
    const q2 = await graphql(Q2, { slug: newest.slug })
    checkQ2(q2, newest.title)
    const page = await (await http(`${base}/artikel/${newest.slug}`)).text()
    if (!page.includes(newest.title.replace(/„|“/g, ''))) {
      if (!page.includes(newest.title)) throw new Error('article page does not show the article title')
    }
    const home = await (await http(`${base}/`)).text()
    if (!home.includes(newest.slug)) throw new Error('home page does not link the newest article')
    log('answers checked')

    const json = { 'content-type': 'application/json' }
    await measureBare(JSON.stringify(q1), json)
    await measure('Q1', { url: `${base}/api/graphql`, method: 'POST', headers: json, body: graphqlBody(Q1) }, '10 newest + relations')
    await measure('Q2', { url: `${base}/api/graphql`, method: 'POST', headers: json, body: graphqlBody(Q2, { slug: newest.slug }) }, 'one article, full body')
    await measure('Q1-nocache', { url: `${base}/api/graphql`, method: 'POST', headers: { ...json, 'cache-control': 'no-cache' }, body: graphqlBody(Q1) }, 'response cache bypassed')
    await measure('Q2-nocache', { url: `${base}/api/graphql`, method: 'POST', headers: { ...json, 'cache-control': 'no-cache' }, body: graphqlBody(Q2, { slug: newest.slug }) }, 'response cache bypassed')
    await measure('P1', { url: `${base}/artikel/${newest.slug}`, method: 'GET' }, 'article page HTML')
    await measure('P2', { url: `${base}/`, method: 'GET' }, 'home page HTML')

    if (!only || only.includes('C1')) {
      const before = await (await http(`${base}/api/comments?limit=0&depth=0&where[article][equals]=${newest.id}`, { headers: auth })).json()
      const body = JSON.stringify({ article: newest.id, authorName: 'Bench Leser', authorEmail: 'leser@example.com', body: 'Kommentar Nummer __N__ aus dem Benchmark.' })
      const result = await measure('C1', { url: `${base}/api/comments`, method: 'POST', headers: json, body, uniqueBody: true, warmup: 0 }, 'comment posts')
      const acknowledged = result?.acknowledged
      if (!acknowledged) throw new Error('C1: the load generator reported no acknowledged ids')
      const after = await (await http(`${base}/api/comments?limit=0&depth=0&where[article][equals]=${newest.id}`, { headers: auth })).json()
      const storedIds = new Set<string>(after.docs.map((doc: { id: string }) => doc.id))
      const bodies = after.docs.map((doc: { body: string }) => doc.body)
      const lost = acknowledged.filter((id) => !storedIds.has(id)).length
      const doubled = bodies.length - new Set(bodies).size
      // Requests still in flight when the run ends are stored but not counted by autocannon.
      const unacknowledged = after.totalDocs - before.totalDocs - acknowledged.length
      rows.at(-1)!.note = `${acknowledged.length} acknowledged: ${lost} lost, ${doubled} doubled (${unacknowledged} stored while the run ended)`
      if (lost > 0 || doubled > 0 || unacknowledged < 0 || unacknowledged > connections) throw new Error(`C1: ${rows.at(-1)!.note}`)
    }

    if (!only || only.includes('F1')) {
      log('measuring F1 (publish → visible)…')
      memory.takePeakMb()
      const times: number[] = []
      const target = q1.data.Articles.docs[0]
      for (let i = 0; i < 20; i++) {
        const title = `Aktualisiert ${i} ${Date.now()}`
        const started = performance.now()
        await http(`${base}/api/articles/${target.id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json', ...auth }, body: JSON.stringify({ title, _status: 'published' }) })
        for (;;) {
          const [html, list] = await Promise.all([http(`${base}/artikel/${target.slug}`).then((r) => r.text()), graphql(Q1)])
          if (html.includes(title) && list.data?.Articles?.docs?.[0]?.title === title) break
          if (performance.now() - started > 10_000) throw new Error('F1: change not visible after 10 s')
          await new Promise((resolve) => setTimeout(resolve, 5))
        }
        times.push(performance.now() - started)
      }
      times.sort((a, b) => a - b)
      rows.push({ workload: 'F1', rssMb: memory.takePeakMb(), note: `median ${Math.round(times[10])} ms, max ${Math.round(times.at(-1)!)} ms (20 publishes)` })
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
    const seconds = importCorpus(importDir, environment(path.join(work, 'import.db'), path.join(work, 'import-media')))
    rows.push({ workload: 'I1', reqPerSec: Math.round(importFiles / seconds), note: `articles/s, ${importFiles} files in ${seconds.toFixed(1)} s` })
  }

  console.table(rows)
  const result = { date: new Date().toISOString(), machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model}`, node: process.version, articles, connections, duration, warmup, rows }
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true })
  const file = path.join(root, 'bench/results', `bench-${result.date.replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(file, JSON.stringify(result, null, 2))
  log(`written to ${path.relative(root, file)}`)
}

main()
  .catch((error) => {
    console.error(`[bench] ${error instanceof Error ? `${error.message} ${error.cause ?? ""}` : error}`)
    process.exitCode = 1
  })
  .finally(() => {
    if (!process.exitCode) fs.rmSync(work, { recursive: true, force: true })
    else console.error(`[bench] kept ${work} for inspection`)
  })
