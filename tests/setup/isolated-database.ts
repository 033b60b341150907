import { afterAll } from 'vitest'

import { createTestDatabase } from '../helpers/database'

/**
 * Runs before every test file, before anything imports `@payload-config` (which reads
 * DATABASE_URI at import time): each file gets its own empty database, never data/cms.db.
 */
const database = createTestDatabase(process.env.DATABASE_URI)
process.env.DATABASE_URI = database.uri

afterAll(async () => {
  await database.cleanup()
})
