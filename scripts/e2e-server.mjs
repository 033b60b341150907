// Starts the production build on a fresh temporary database and upload folder, as the e2e
// suite needs it: no users (the first-user screen is tested), the seed articles imported on
// start. Playwright runs this as its webServer and stops it afterwards.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { npmStartCommand } from './startCommand.mjs'

const port = process.env.E2E_PORT || '3999'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-'))
fs.mkdirSync(path.join(dir, 'media'))

// With DATABASE_URI pointing at MongoDB, the run gets its own fresh database on that server.
function e2eDatabaseUri() {
  if (process.env.E2E_DATABASE_URI) return process.env.E2E_DATABASE_URI
  if (process.env.DATABASE_URI?.startsWith('mongodb')) {
    const url = new URL(process.env.DATABASE_URI)
    url.pathname = `/newsroom_e2e_${Date.now().toString(36)}`
    return url.toString()
  }
  return `file:${path.join(dir, 'e2e.db')}`
}

const start = npmStartCommand()
const env = {
  ...process.env,
  ...start.env,
  PORT: port,
  DATABASE_URI: e2eDatabaseUri(),
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'e2e-secret-not-for-production',
  NEXT_PUBLIC_SERVER_URL: `http://localhost:${port}`,
  SEED_ON_START: 'true',
  INSECURE_COOKIES: 'true',
}

// Caches are memory-only (next.config.mjs); this clears what older builds may have written.
fs.rmSync('.next/cache/fetch-cache', { recursive: true, force: true })

const server = spawn(process.execPath, start.args, {
  env,
  stdio: 'inherit',
})

const stop = () => {
  server.kill('SIGTERM')
  fs.rmSync(dir, { recursive: true, force: true })
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
server.on('exit', (code) => {
  fs.rmSync(dir, { recursive: true, force: true })
  process.exit(code ?? 0)
})
