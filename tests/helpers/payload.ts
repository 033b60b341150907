import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

export type TestPayload = { payload: Payload; close: () => Promise<void> }

/** Payload on this test file's own empty database (set up by tests/setup/isolated-database.ts). */
export async function startTestPayload(): Promise<TestPayload> {
  const payload = await getPayload({ config })
  return {
    payload,
    close: async () => {
      if (payload.db.name === 'mongoose') await (payload.db as any).connection?.dropDatabase?.()
      await payload.destroy()
    },
  }
}
