import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

export type TestDatabase = { uri: string; cleanup: () => Promise<void> }

/** The PostgreSQL server the suite uses with `TEST_DATABASE=postgres` (CI has one there). */
const DEFAULT_TEST_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres'

const randomName = () => `newsroom_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`

/**
 * A fresh, empty database for one test file (never `data/cms.db`):
 * - `TEST_DATABASE=postgres` (server: `TEST_POSTGRES_URL`, default 127.0.0.1:5432) or a
 *   `postgres://` DATABASE_URI → a new database on that server, dropped afterwards;
 * - a mongodb DATABASE_URI → a new database on that server;
 * - otherwise a temporary SQLite file.
 */
export async function createTestDatabase(
  baseUri = process.env.DATABASE_URI,
  kind = process.env.TEST_DATABASE,
): Promise<TestDatabase> {
  if (kind === 'postgres' || baseUri?.startsWith('postgres')) {
    return createPostgresDatabase(
      kind === 'postgres' ? process.env.TEST_POSTGRES_URL || DEFAULT_TEST_POSTGRES : baseUri!,
    )
  }
  if (baseUri?.startsWith('mongodb')) {
    const url = new URL(baseUri)
    url.pathname = `/${randomName()}`
    return { uri: url.toString(), cleanup: async () => {} }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-test-'))
  return {
    uri: `file:${path.join(dir, 'test.db')}`,
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  }
}

async function createPostgresDatabase(serverUri: string): Promise<TestDatabase> {
  const name = randomName()
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUri })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  await admin(`CREATE DATABASE ${name}`)
  const url = new URL(serverUri)
  url.pathname = `/${name}`
  return {
    uri: url.toString(),
    // WITH (FORCE) ends connections a test left open (PostgreSQL 13+).
    cleanup: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}
