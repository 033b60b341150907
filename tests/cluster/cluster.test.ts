/**
 * Several app instances, as a newsroom that outgrows one server runs them: two production
 * servers (`npm start`, the build of `npm run build`) on different ports, one PostgreSQL
 * database, one Redis, one media folder. Run by `npm run test:cluster` after `next build`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { Redis } from 'ioredis'
import pg from 'pg'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraphsToLexical } from '@/lib/lexical'
import { npmStartCommand } from '../../scripts/startCommand.mjs'

const POSTGRES = process.env.CLUSTER_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432'
const REDIS_URL = process.env.CLUSTER_REDIS_URL || 'redis://127.0.0.1:6379'
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
const database = `newsroom_cluster_${run}`
const redisPrefix = `newsroom-cluster-${run}:`
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-cluster-'))
const mediaDir = path.join(work, 'media')
const PER_MINUTE = 6
const ADMIN = {
  email: 'cluster@newsroom.test',
  password: 'cluster-passwort-1234',
  name: 'Cluster Admin',
}

type Instance = {
  name: string
  port: number
  url: string
  process: ChildProcess | null
  /** The newest part of the output since the last (re)start, for error messages. */
  log: string
  /** Everything the instance printed, all starts. */
  fullLog: string
}
const instance = (name: string, port: number): Instance => ({
  name,
  port,
  url: `http://127.0.0.1:${port}`,
  process: null,
  log: '',
  fullLog: '',
})
const a = instance('A', 3311)
const b = instance('B', 3312)
let token = ''

/** What every process of the cluster shares: database, Redis, media folder, secret. */
const shared = {
  DATABASE_URI: `${POSTGRES}/${database}`,
  REDIS_URL,
  REDIS_KEY_PREFIX: redisPrefix,
  MEDIA_DIR: mediaDir,
  PAYLOAD_SECRET: 'cluster-secret-not-for-production',
}

function start(instance: Instance): void {
  const command = npmStartCommand()
  const child = spawn(process.execPath, command.args, {
    env: {
      ...process.env,
      ...command.env,
      ...shared,
      PORT: String(instance.port),
      NEXT_PUBLIC_SERVER_URL: a.url,
      SEED_ON_START: 'true',
      INSECURE_COOKIES: 'true',
      BENCH_COMMENT_RATE_LIMIT: `${PER_MINUTE},1000`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const keep = (chunk: Buffer) => {
    instance.log = (instance.log + chunk.toString()).slice(-20_000)
    instance.fullLog += chunk.toString()
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  instance.process = child
}

async function waitUntilUp(instance: Instance, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (instance.process?.exitCode !== null)
      throw new Error(`${instance.name} exited:\n${instance.log}`)
    try {
      if ((await fetch(`${instance.url}/api/users/me`, { signal: AbortSignal.timeout(2_000) })).ok)
        return
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${instance.name} did not start:\n${instance.log}`)
}

function stop(instance: Instance, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const child = instance.process
  if (!child || child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}

async function graphql(instance: Instance, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${instance.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  })
  return { cache: response.headers.get('x-response-cache'), body: (await response.json()) as any }
}

async function page(instance: Instance, pathname: string) {
  const response = await fetch(`${instance.url}${pathname}`)
  return {
    status: response.status,
    cache: response.headers.get('x-response-cache'),
    html: await response.text(),
  }
}

const staff = (extra: Record<string, string> = {}) => ({ Authorization: `JWT ${token}`, ...extra })

/**
 * Milliseconds from `since` (default: now) until `check` holds, polling every 25 ms; fails once
 * more than `limitMs` have passed since `since`.
 */
async function msUntil(
  check: () => Promise<boolean>,
  limitMs: number,
  started = performance.now(),
): Promise<number> {
  for (;;) {
    if (await check()) return performance.now() - started
    if (performance.now() - started > limitMs) throw new Error(`not within ${limitMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const LIST = '{ Articles(sort: "-publishedAt", limit: 10) { docs { title slug } } }'

beforeAll(async () => {
  fs.mkdirSync(mediaDir, { recursive: true })
  const admin = new pg.Client({ connectionString: `${POSTGRES}/postgres` })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${database}`)
  await admin.end()
  // Both at the same moment, on an empty database.
  start(a)
  start(b)
  await Promise.all([waitUntilUp(a), waitUntilUp(b)])
  const register = await fetch(`${a.url}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  token = ((await register.json()) as { token: string }).token
  expect(token).toBeTruthy()
}, 240_000)

afterAll(async () => {
  await Promise.all([stop(a), stop(b)])
  const admin = new pg.Client({ connectionString: `${POSTGRES}/postgres` })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
  await admin.end()
  const redis = new Redis(REDIS_URL)
  const keys = await redis.keys(`${redisPrefix}*`)
  if (keys.length) await redis.del(...keys)
  redis.disconnect()
  fs.rmSync(work, { recursive: true, force: true })
}, 60_000)

describe('two instances on one PostgreSQL, one Redis, one media folder', () => {
  it('both started at once on an empty database: both up, the seed imported once', async () => {
    const [fromA, fromB] = await Promise.all([
      graphql(a, '{ Articles { totalDocs } }'),
      graphql(b, '{ Articles { totalDocs } }'),
    ])
    const seedFiles = fs
      .readdirSync(path.join('src', 'seed', 'content'))
      .filter((file) => file.endsWith('.txt'))
    expect(fromA.body.data.Articles.totalDocs).toBe(seedFiles.length)
    expect(fromB.body.data.Articles.totalDocs).toBe(seedFiles.length)
    // One of the two imported (a second import would find the articles and change nothing, so
    // the counts alone could not tell), and each migration ran once.
    const logs = a.fullLog + b.fullLog
    expect(logs.match(/\[seed\] No articles yet: importing/g)).toHaveLength(1)
    const migrations = fs
      .readdirSync(path.join('src', 'migrations', 'postgres'))
      .filter((file) => /^\d.*\.ts$/.test(file))
    expect(migrations.length).toBeGreaterThan(0)
    for (const migration of migrations) {
      const name = migration.replace(/\.ts$/, '')
      expect(logs.split(`Migrated:  ${name}`).length - 1, name).toBe(1)
    }
  })

  it('a publish on A reaches B’s anonymous GraphQL and home page within 1 s', async () => {
    // B holds both in its response cache first.
    await graphql(b, LIST)
    expect((await graphql(b, LIST)).cache).toBe('HIT')
    await page(b, '/')
    expect((await page(b, '/')).cache).toBe('HIT')

    const title = `Clusterprobe ${run}`
    const created = await fetch(`${a.url}/api/articles`, {
      method: 'POST',
      headers: staff({ 'content-type': 'application/json' }),
      body: JSON.stringify({
        title,
        dateline: 'Berlin',
        _status: 'published',
        content: paragraphsToLexical(['Ein Satz.']),
      }),
    })
    expect(created.status).toBe(201)
    const published = performance.now()
    const graphqlMs = await msUntil(
      async () => JSON.stringify((await graphql(b, LIST)).body).includes(title),
      1_000,
      published,
    )
    const pageMs = await msUntil(
      async () => (await page(b, '/')).html.includes(title),
      1_000,
      published,
    )
    expect(graphqlMs).toBeLessThan(1_000)
    expect(pageMs).toBeLessThan(1_000)
  })

  it('a comment approved on A shows on B’s article page within 2 s', async () => {
    const list = await graphql(a, LIST)
    const { slug } = list.body.data.Articles.docs[0]
    const article = await graphql(
      a,
      `{ Articles(where: { slug: { equals: "${slug}" } }) { docs { id } } }`,
    )
    const articleId = article.body.data.Articles.docs[0].id
    const body = `Ein Leserkommentar aus dem Clustertest ${run}.`
    const posted = await fetch(`${a.url}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.10' },
      body: JSON.stringify({
        article: articleId,
        authorName: 'Leserin',
        authorEmail: 'leserin@example.org',
        body,
      }),
    })
    expect(posted.status).toBe(201)
    const comment = ((await posted.json()) as { doc: { id: string; status: string } }).doc
    await page(b, `/artikel/${slug}`)
    expect((await page(b, `/artikel/${slug}`)).html).not.toContain(body)
    const approved = await fetch(`${a.url}/api/comments/${comment.id}`, {
      method: 'PATCH',
      headers: staff({ 'content-type': 'application/json' }),
      body: JSON.stringify({ status: 'approved' }),
    })
    expect(approved.status).toBe(200)
    const ms = await msUntil(
      async () => (await page(b, `/artikel/${slug}`)).html.includes(body),
      2_000,
    )
    expect(ms).toBeLessThan(2_000)
  })

  it('a scheduled publish runs once and reaches B’s home page and its neighbour within 2 s', async () => {
    const [newest] = (await graphql(a, LIST)).body.data.Articles.docs as { slug: string }[]
    const title = `Geplant im Cluster ${run}`
    const created = await fetch(`${a.url}/api/articles?draft=true`, {
      method: 'POST',
      headers: staff({ 'content-type': 'application/json' }),
      body: JSON.stringify({
        title,
        dateline: 'Hamburg',
        content: paragraphsToLexical(['Geplant.']),
      }),
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: string; slug: string } }
    // B holds the pages the publish changes in its response cache.
    for (const pathname of ['/', `/artikel/${newest.slug}`]) {
      await page(b, pathname)
      expect((await page(b, pathname)).cache).toBe('HIT')
    }
    // Due at once: both servers' crons (every 15 s) find it at their next tick, together.
    const queued = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'tests/cluster/queueScheduledPublish.ts',
        doc.id,
        new Date().toISOString(),
      ],
      { env: { ...process.env, ...shared, JOBS_AUTORUN: 'false' }, stdio: 'inherit' },
    )
    expect(await new Promise((resolve) => queued.once('exit', resolve))).toBe(0)

    // The moment the job ran: A's record turns published (A and B read one database).
    const isPublished = async () => {
      const response = await fetch(`${a.url}/api/articles/${doc.id}?depth=0`, { headers: staff() })
      return ((await response.json()) as { _status?: string })._status === 'published'
    }
    await msUntil(isPublished, 40_000)
    const ran = performance.now()
    await msUntil(async () => (await page(b, '/')).html.includes(title), 2_000, ran)
    await msUntil(
      async () => (await page(b, `/artikel/${newest.slug}`)).html.includes(`/artikel/${doc.slug}`),
      2_000,
      ran,
    )
    // Published once, by one of the two instances.
    const versions = await fetch(
      `${a.url}/api/articles/versions?depth=0&where[parent][equals]=${doc.id}` +
        '&where[version._status][equals]=published',
      { headers: staff() },
    )
    expect(((await versions.json()) as { totalDocs: number }).totalDocs).toBe(1)
  }, 90_000)

  it('one client posting to A and B alternately gets exactly the per-minute limit accepted', async () => {
    const list = await graphql(a, '{ Articles(limit: 1) { docs { id } } }')
    const articleId = list.body.data.Articles.docs[0].id
    const client = '203.0.113.77'
    const statuses = await Promise.all(
      Array.from({ length: PER_MINUTE * 2 }, (_, i) =>
        fetch(`${(i % 2 ? b : a).url}/api/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
          body: JSON.stringify({
            article: articleId,
            authorName: 'Eilig',
            authorEmail: 'eilig@example.org',
            body: `Kommentar Nummer ${i} aus dem Clustertest, ${run}.`,
          }),
        }).then((response) => response.status),
      ),
    )
    expect(statuses.filter((status) => status === 201)).toHaveLength(PER_MINUTE)
    expect(statuses.filter((status) => status === 429)).toHaveLength(PER_MINUTE)
  })

  it('an image uploaded on A is served by B', async () => {
    const picture = await sharp({
      create: { width: 640, height: 360, channels: 3, background: '#3a6ea5' },
    })
      .jpeg()
      .toBuffer()
    const form = new FormData()
    form.set(
      'file',
      new Blob([new Uint8Array(picture)], { type: 'image/jpeg' }),
      `cluster-${run}.jpg`,
    )
    form.set(
      '_payload',
      JSON.stringify({
        alt: 'Clusterbild',
        credit: { license: 'cc0', author: 'Test', provider: 'Test' },
      }),
    )
    const uploaded = await fetch(`${a.url}/api/images`, {
      method: 'POST',
      headers: staff(),
      body: form,
    })
    expect(uploaded.status).toBe(201)
    const { doc } = (await uploaded.json()) as { doc: { url: string } }
    const fromB = await fetch(`${b.url}${new URL(doc.url, b.url).pathname}`)
    expect(fromB.status).toBe(200)
    expect(Buffer.from(await fromB.arrayBuffer()).equals(picture)).toBe(true)
  })

  it('kill -9 of B while A serves: A keeps answering, B restarts clean', async () => {
    let failures = 0
    let answered = 0
    let serving = true
    const load = (async () => {
      while (serving) {
        const response = await fetch(`${a.url}/api/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' },
          body: JSON.stringify({ query: LIST }),
        }).catch(() => null)
        if (response?.ok) answered++
        else failures++
        await response?.arrayBuffer()
      }
    })()
    await new Promise((resolve) => setTimeout(resolve, 300))
    await stop(b, 'SIGKILL')
    await new Promise((resolve) => setTimeout(resolve, 700))
    serving = false
    await load
    expect(failures).toBe(0)
    expect(answered).toBeGreaterThan(0)
    b.log = ''
    start(b)
    await waitUntilUp(b)
    const again = await graphql(b, '{ Articles { totalDocs } }')
    const fromA = await graphql(a, '{ Articles { totalDocs } }')
    expect(again.body.data.Articles.totalDocs).toBe(fromA.body.data.Articles.totalDocs)
    expect(b.log).not.toMatch(/\bERROR\b/)
  }, 180_000)
})
