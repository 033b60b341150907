import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll } from 'vitest'

import { createTestDatabase } from '../helpers/database'

/**
 * Runs before every test file, before anything imports `@payload-config` (which reads
 * DATABASE_URI at import time): each file gets its own empty database (never data/cms.db) and upload folder.
 */
const database = await createTestDatabase()
process.env.DATABASE_URI = database.uri
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-media-'))
process.env.MEDIA_DIR = mediaDir

afterAll(async () => {
  await database.cleanup()
  fs.rmSync(mediaDir, { recursive: true, force: true })
})
