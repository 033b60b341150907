import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'

import { afterAll, describe, expect, it } from 'vitest'

import type { ArticleState } from '../crash/writer'

/**
 * `kill -9` at random moments (#15): a writer process (tests/crash/writer.ts) saves and
 * publishes three articles at once on a SQLite file and reports every write Payload
 * acknowledged; it is killed mid-write, and the next start must show every acknowledged write
 * and exactly one latest version per article (after the start-up repair).
 */
/** Kills: at most MAX_KILLS, at least MIN_KILLS; no new one after KILL_BUDGET_MS (a busy machine starts writers slowly). */
const MAX_KILLS = 5
const MIN_KILLS = 2
const KILL_BUDGET_MS = 45_000
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-crash-'))
fs.mkdirSync(path.join(dir, 'media'))
const children = new Set<ChildProcess>()
afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
  fs.rmSync(dir, { recursive: true, force: true })
})

const env = {
  ...process.env,
  DATABASE_URI: `file:${path.join(dir, 'crash.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  SEED_ON_START: 'false',
  JOBS_AUTORUN: 'false',
}

type Ack = { id: string; n: number; published: boolean }
type Writer = {
  child: ChildProcess
  state: Promise<ArticleState[]>
  acks: Ack[]
  firstAck: Promise<void>
  exited: Promise<void>
}

function startWriter(extraEnv: Record<string, string> = {}): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/crash/writer.ts'], {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  child.on('exit', () => children.delete(child))
  const acks: Ack[] = []
  let resolveState!: (state: ArticleState[]) => void
  let resolveFirstAck!: () => void
  const state = new Promise<ArticleState[]>((resolve) => (resolveState = resolve))
  const firstAck = new Promise<void>((resolve) => (resolveFirstAck = resolve))
  let errors = ''
  child.stderr!.on('data', (chunk) => (errors = (errors + chunk).slice(-4000)))
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const match = /^@@crash (\w+) (.*)$/.exec(line)
    if (!match) return
    if (match[1] === 'state') resolveState(JSON.parse(match[2]))
    if (match[1] === 'ack') {
      acks.push(JSON.parse(match[2]))
      resolveFirstAck()
    }
  })
  const exited = new Promise<void>((resolve, reject) => {
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve()
      else reject(new Error(`writer exited with ${code ?? signal}: ${errors}`))
    })
  })
  // A writer that dies on its own fails the waits below instead of hanging them.
  const failed = exited.then(() => Promise.reject(new Error(`writer ended early: ${errors}`)))
  failed.catch(() => {})
  const waits = { state: Promise.race([state, failed]), firstAck: Promise.race([firstAck, failed]) }
  // The check-only writer is never waited for its first write.
  waits.firstAck.catch(() => {})
  return { child, acks, exited, ...waits }
}

/** Newest acknowledged write and newest acknowledged publish, per article. */
const acknowledged = new Map<string, { newest: number; published: number }>()

function expectAcknowledgedWrites(state: ArticleState[], cycle: number) {
  const byId = new Map(state.map((article) => [article.id, article]))
  for (const [id, acked] of acknowledged) {
    const article = byId.get(id)
    const where = `after kill ${cycle}, article ${article?.label ?? id}`
    expect(article, `${where}: missing`).toBeDefined()
    expect(article!.latest, `${where}: versions marked latest`).toBe(1)
    expect(article!.newest, `${where}: newest version`).toBeGreaterThanOrEqual(acked.newest)
    expect(article!.published, `${where}: published version`).toBeGreaterThanOrEqual(
      acked.published,
    )
  }
  for (const article of state)
    expect(article.latest, `after kill ${cycle}, ${article.label}`).toBe(1)
}

describe('a writer killed with SIGKILL', () => {
  it(
    'loses no acknowledged write and leaves one latest version per article',
    { timeout: 90_000 },
    async () => {
      let writes = 0
      let kills = 0
      const began = performance.now()
      for (;;) {
        const last =
          kills >= MAX_KILLS || (kills >= MIN_KILLS && performance.now() - began > KILL_BUDGET_MS)
        const writer = startWriter(last ? { CRASH_CHECK_ONLY: '1' } : {})
        expectAcknowledgedWrites(await writer.state, kills)
        if (last) {
          await writer.exited
          break
        }
        await writer.firstAck
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 1400))
        writer.child.kill('SIGKILL')
        await writer.exited
        kills++
        writes += writer.acks.length
        for (const ack of writer.acks) {
          const entry = acknowledged.get(ack.id) ?? { newest: -1, published: -1 }
          entry.newest = Math.max(entry.newest, ack.n)
          if (ack.published) entry.published = Math.max(entry.published, ack.n)
          acknowledged.set(ack.id, entry)
        }
      }
      expect(acknowledged.size).toBe(3)
      expect(writes).toBeGreaterThan(kills * 3)
    },
  )
})
