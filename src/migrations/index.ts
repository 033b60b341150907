import type { Migration } from 'payload'

import { migrations as postgres } from './postgres'
import { migrations as sqlite } from './sqlite'

/**
 * The committed migrations of each SQL dialect (`npm run migrate:create <name>` writes into the
 * folder of the database `DATABASE_URI` points at). MongoDB needs none.
 */
export const migrationDirs = { sqlite: 'sqlite', postgres: 'postgres' } as const

export function migrationsFor(adapterName: string): Migration[] | undefined {
  if (adapterName === 'sqlite') return sqlite as unknown as Migration[]
  if (adapterName === 'postgres') return postgres as unknown as Migration[]
  return undefined
}
