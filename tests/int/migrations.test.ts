import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { migrationDirs, migrationsFor } from '@/migrations'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * SQL databases get their schema only from the committed migrations of their dialect
 * (src/migrations/sqlite, src/migrations/postgres). This fails when a collection changed without
 * `npm run migrate:create`, before it can fail in production. The suite runs on SQLite and on
 * PostgreSQL (`npm run test:vitest:postgres`), so each dialect's folder is checked by one run.
 */
let ctx: TestPayload
let payload: Payload

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
})
afterAll(async () => ctx?.close())

const sqlDialect = () =>
  payload.db.name === 'sqlite' || payload.db.name === 'postgres' ? payload.db.name : undefined

describe.runIf(/^(file:|postgres)/.test(process.env.DATABASE_URI ?? ''))('SQL migrations', () => {
  const migrationDir = () => path.resolve('src/migrations', migrationDirs[sqlDialect()!])

  it('run on a SQL adapter', () => {
    expect(['sqlite', 'postgres']).toContain(payload.db.name)
  })

  it('cover the current collections: the schema diff against the latest snapshot is empty', async () => {
    const db = payload.db as any
    const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
    const snapshots = fs
      .readdirSync(migrationDir())
      .filter((file) => file.endsWith('.json'))
      .sort()
    expect(snapshots.length).toBeGreaterThan(0)
    const latest = JSON.parse(fs.readFileSync(path.join(migrationDir(), snapshots.at(-1)!), 'utf8'))
    const current = await generateDrizzleJson(db.schema)
    const statements: string[] = await generateMigration(latest, current)
    expect(statements, 'Run `npm run migrate:create <name>` and commit the new migration.').toEqual(
      [],
    )
  })

  it('every migration file is registered in the index of its folder', () => {
    const files = fs
      .readdirSync(migrationDir())
      .filter((file) => /^\d{8}_\d{6}.*\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort()
    expect(files.length).toBeGreaterThan(0)
    expect(
      migrationsFor(payload.db.name)!
        .map((migration) => migration.name)
        .sort(),
    ).toEqual(files)
  })

  it('were applied to this fresh database, each once', async () => {
    const { docs } = await payload.find({
      collection: 'payload-migrations',
      limit: 0,
      pagination: false,
    })
    expect(docs.map((doc: any) => doc.name).sort()).toEqual(
      migrationsFor(payload.db.name)!
        .map((migration) => migration.name)
        .sort(),
    )
  })
})
