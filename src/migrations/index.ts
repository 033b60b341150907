import type { Migration } from 'payload'

import { migrations as postgres } from './postgres'
import { migrations as sqlite } from './sqlite'

/**
 * The committed migrations of each SQL dialect (`npm run migrate:create <name>` writes into the
 * folder of the database `DATABASE_URI` points at). MongoDB needs none.
 *
 * They are the only source of the schema: applied on every start in every mode (no schema
 * push, src/payload.config.ts `onInit`, under the startup lock), so `npm start` works on an
 * empty database and a development database never drifts from production. After changing a
 * collection, run `npm run migrate:create <name>` once with each kind of `DATABASE_URI` (a fresh
 * SQLite file and a fresh PostgreSQL database, e.g.
 * `DATABASE_URI=postgres://postgres@127.0.0.1:5432/newsroom_new npm run migrate:create <name>`;
 * the adapter creates the database) and commit both; a test fails when the collections and the
 * migrations of either dialect disagree. The schema does not depend on `REDIS_URL`.
 */
export const migrationDirs = { sqlite: 'sqlite', postgres: 'postgres' } as const

export function migrationsFor(adapterName: string): Migration[] | undefined {
  if (adapterName === 'sqlite') return sqlite as unknown as Migration[]
  if (adapterName === 'postgres') return postgres as unknown as Migration[]
  return undefined
}
