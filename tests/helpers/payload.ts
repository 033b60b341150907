import type { Payload } from 'payload'

import { createTestDatabase } from './database'

export type TestPayload = { payload: Payload; close: () => Promise<void> }

/**
 * Starts Payload on a fresh database. The config reads `DATABASE_URI` when it is imported,
 * so the variable is set first and the config imported afterwards.
 */
export async function startTestPayload(): Promise<TestPayload> {
  const database = createTestDatabase()
  process.env.DATABASE_URI = database.uri
  const { default: config } = await import('@payload-config')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config })
  return {
    payload,
    close: async () => {
      if (payload.db.name === 'mongoose') await payload.db.connection?.dropDatabase?.()
      await payload.destroy()
      await database.cleanup()
    },
  }
}
