import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { migrations } from '@/migrations'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * Production SQLite databases get their schema only from src/migrations. This fails when a
 * collection changed without `npm run migrate:create`, before it can fail in production.
 */
const migrationDir = path.resolve('src/migrations')

let ctx: TestPayload
let payload: Payload

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
})
afterAll(async () => ctx?.close())

describe.runIf(process.env.DATABASE_URI?.startsWith('file:'))('SQLite migrations', () => {
  it('cover the current collections: the schema diff against the latest snapshot is empty', async () => {
    const db = payload.db as any
    const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
    const snapshots = fs.readdirSync(migrationDir).filter((file) => file.endsWith('.json')).sort()
    expect(snapshots.length).toBeGreaterThan(0)
    const latest = JSON.parse(fs.readFileSync(path.join(migrationDir, snapshots.at(-1)!), 'utf8'))
    const current = await generateDrizzleJson(db.schema)
    const statements: string[] = await generateMigration(latest, current)
    expect(statements, 'Run `npm run migrate:create <name>` and commit the new migration.').toEqual([])
  })

  it('every migration file is registered in src/migrations/index.ts', () => {
    const files = fs
      .readdirSync(migrationDir)
      .filter((file) => /^\d{8}_\d{6}.*\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort()
    expect(migrations.map((migration) => migration.name).sort()).toEqual(files)
  })

  it('were applied to this fresh database', async () => {
    const { docs } = await payload.find({ collection: 'payload-migrations', limit: 0, pagination: false })
    expect(docs.map((doc: any) => doc.name).sort()).toEqual(migrations.map((migration) => migration.name).sort())
  })
})
