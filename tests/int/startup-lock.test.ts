import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { migrationsFor } from '@/migrations'
import { createTestDatabase, type TestDatabase } from '../helpers/database'

/**
 * Two app instances starting at the same moment on an empty database (src/lib/startupLock.ts):
 * both come up, the migrations run once, the first-start seed imports once. Runs on the
 * database kind of the suite (a fresh SQLite file, or a fresh PostgreSQL database).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SCRIPT = path.join(ROOT, 'tests/helpers/start-instance.ts')
const SEED_DIR = path.join(ROOT, 'src/seed/content')

let database: TestDatabase
let mediaDir: string

beforeAll(async () => {
  database = await createTestDatabase()
  mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-media-'))
})
afterAll(async () => {
  await database?.cleanup()
  if (mediaDir) fs.rmSync(mediaDir, { recursive: true, force: true })
})

// What one import of src/seed/content creates besides its articles (its two articles share
// one agency and the placeholder image).
const ONE_IMPORT = { sources: 1, images: 1 }

type Run = { code: number | null; output: string; result?: any }
type Instance = { ready: Promise<void>; go: () => void; done: Promise<Run> }

function instance(args: string[]): Instance {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URI: database.uri, MEDIA_DIR: mediaDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  let signalReady!: () => void
  const ready = new Promise<void>((resolve) => (signalReady = resolve))
  child.stdout.on('data', (chunk) => {
    output += chunk
    if (/^ready$/m.test(output)) signalReady()
  })
  child.stderr.on('data', (chunk) => (output += chunk))
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      signalReady()
      const line = output
        .split('\n')
        .reverse()
        .find((text) => text.startsWith('{'))
      resolve({ code, output, result: line ? JSON.parse(line) : undefined })
    })
  })
  return { ready, go: () => child.stdin.end('go\n'), done }
}

describe('instances starting together on an empty database', () => {
  it('all start; migrations and the first-start seed run once', async () => {
    const seedFiles = fs.readdirSync(SEED_DIR).filter((file) => file.endsWith('.txt'))
    expect(seedFiles.length).toBeGreaterThan(0)
    // Both processes load the code first and then begin at the same moment.
    const instances = [instance(['start', SEED_DIR]), instance(['start', SEED_DIR])]
    await Promise.all(instances.map((started) => started.ready))
    for (const started of instances) started.go()
    const runs = await Promise.all(instances.map((started) => started.done))
    for (const run of runs) expect(run.code, run.output).toBe(0)

    const seeded = runs.map((run) => run.result?.seeded)
    expect(seeded.filter((counts) => counts === null)).toHaveLength(1)
    const importer = seeded.find((counts) => counts !== null)
    expect(importer).toMatchObject({ created: seedFiles.length, failed: 0 })

    const inspected = await instance(['inspect']).done
    expect(inspected.code, inspected.output).toBe(0)
    const dialect = database.uri.startsWith('postgres') ? 'postgres' : 'sqlite'
    const names = migrationsFor(dialect)!
      .map((migration) => migration.name)
      .sort()
    expect(inspected.result).toEqual({
      migrations: names,
      articles: seedFiles.length,
      ...ONE_IMPORT,
    })
  }, 120_000)
})
