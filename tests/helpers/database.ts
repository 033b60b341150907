import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export type TestDatabase = { uri: string; cleanup: () => Promise<void> }

/**
 * A fresh, empty database for one test file: a temporary SQLite file by default, or a new
 * database on the MongoDB server when `DATABASE_URI` is a mongodb URI (never `data/cms.db`).
 */
export function createTestDatabase(baseUri = process.env.DATABASE_URI): TestDatabase {
  if (baseUri?.startsWith('mongodb')) {
    const url = new URL(baseUri)
    url.pathname = `/newsroom_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`
    return { uri: url.toString(), cleanup: async () => {} }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-test-'))
  return {
    uri: `file:${path.join(dir, 'test.db')}`,
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  }
}
