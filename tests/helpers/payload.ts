import { setTimeout as sleep } from 'node:timers/promises'

import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

export type TestPayload = { payload: Payload; close: () => Promise<void> }

/** Payload on this test file's own empty database (set up by tests/setup/isolated-database.ts). */
export async function startTestPayload(): Promise<TestPayload> {
  const payload = await getPayload({ config })
  return { payload, close: () => closeTestPayload(payload) }
}

/** Closes a Payload instance of a test file before its database is dropped. */
export async function closeTestPayload(payload: Payload): Promise<void> {
  if (payload.db.name === 'mongoose') await (payload.db as any).connection?.dropDatabase?.()
  // The PostgreSQL adapter's destroy() leaves its pool open: close the idle connections
  // before the test database is dropped. Not awaited: end() also waits for the connection
  // the adapter keeps checked out from its first connect, which the drop then ends.
  const pool = payload.db.name === 'postgres' ? (payload.db as any).pool : undefined
  await payload.destroy()
  // A connection still checked out (the adapter's first one, or a transaction a failed job run
  // left open) has no error listener of the pool's; the drop ends it, which must not be an
  // uncaught error of the test run. (`_clients`: pg-pool's list of its connections.)
  for (const client of (pool?._clients ?? []) as {
    on(event: 'error', listener: () => void): void
  }[]) {
    client.on('error', () => {})
  }
  void pool?.end().catch(() => {})
  for (let waited = 0; pool?.idleCount > 0 && waited < 5000; waited += 10) await sleep(10)
}
