import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import type { Payload } from 'payload'

import { parseDatabaseUri } from './databaseUri'

/**
 * A lock that the instances of one site share, for the work of a start that must happen once
 * however many instances start together (the migrations, the first-start seed). Whoever gets
 * the lock first does the work; the others wait, then find it done.
 *
 * - PostgreSQL: a session-level advisory lock (`pg_advisory_lock`) held on a connection of its
 *   own, so the work itself can use the whole pool. The server releases it when the connection
 *   ends, also when an instance dies holding it.
 * - SQLite (a file): an exclusive transaction on a lock database next to the database file
 *   (`<file>.startup-lock`), taken by polling; one lock per database file, whatever the name.
 *   SQLite's file locks are the operating system's, so they work between processes and vanish
 *   with a process that dies. An in-memory database
 *   belongs to one process and needs no lock.
 * - MongoDB: no lock (there are no migrations; see the README for the seed).
 */
export async function withStartupLock<T>(
  payload: Payload,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  const release = await acquire(payload, name)
  try {
    return await work()
  } finally {
    await release()
  }
}

/** How long an instance waits for another one's migrations or seed before giving up. */
const STARTUP_LOCK_TIMEOUT_MS = 10 * 60_000

type Release = () => Promise<void>

async function acquire(payload: Payload, name: string): Promise<Release> {
  if (payload.db.name === 'postgres') {
    return acquirePostgres(payload.db as unknown as PostgresAdapter, name, payload)
  }
  if (payload.db.name === 'sqlite') {
    const target = parseDatabaseUri(process.env.DATABASE_URI)
    if (target.kind === 'sqlite' && target.filePath)
      return acquireSqlite(`${target.filePath}.startup-lock`, name, payload)
  }
  return async () => {}
}

/** What the lock uses of @payloadcms/db-postgres's adapter: its `pg` module and pool options. */
type PostgresAdapter = { pg: typeof import('pg'); poolOptions: import('pg').ClientConfig }

async function acquirePostgres(
  db: PostgresAdapter,
  name: string,
  payload: Payload,
): Promise<Release> {
  const client = new db.pg.Client({ ...db.poolOptions, statement_timeout: STARTUP_LOCK_TIMEOUT_MS })
  // A lost lock connection (server restart) must not end the process; the work goes on.
  client.on('error', (err: unknown) =>
    payload.logger.warn({ err, msg: `[startup] Lock connection lost (${name})` }),
  )
  await client.connect()
  try {
    // Two int4 keys: the namespace of this app, and the name of the work.
    await client.query(`SELECT pg_advisory_lock(hashtext('newsroom'), hashtext($1))`, [name])
  } catch (error) {
    await client.end().catch(() => {})
    throw error
  }
  return async () => {
    try {
      await client.query(`SELECT pg_advisory_unlock(hashtext('newsroom'), hashtext($1))`, [name])
    } finally {
      await client.end().catch(() => {})
    }
  }
}

async function acquireSqlite(lockFile: string, name: string, payload: Payload): Promise<Release> {
  // The SQLite adapter's own client library.
  const { createClient } = await import('@libsql/client')
  const url = `file:${path.resolve(lockFile)}`
  const deadline = Date.now() + STARTUP_LOCK_TIMEOUT_MS
  for (let attempt = 0; ; attempt++) {
    // A fresh connection per attempt: a connection whose BEGIN failed with SQLITE_BUSY keeps a
    // lock on the file (until garbage collection), even after ROLLBACK and close().
    const client = createClient({ url })
    try {
      await client.execute('BEGIN EXCLUSIVE')
      return async () => {
        try {
          await client.execute('ROLLBACK')
        } finally {
          client.close()
        }
      }
    } catch (error) {
      client.close()
      if (!isBusy(error) || Date.now() > deadline) throw error
      if (attempt === 0) payload.logger.info(`[startup] Waiting for another instance (${name})`)
      await sleep(100)
    }
  }
}

const isBusy = (error: unknown) =>
  /SQLITE_BUSY|database is locked/i.test(
    String((error as { code?: unknown } | null)?.code ?? error),
  )
