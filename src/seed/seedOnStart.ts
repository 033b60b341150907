import path from 'node:path'

import type { Payload } from 'payload'

import { withStartupLock } from '../lib/startupLock'
import { formatSummary, importDirectory, type ImportSummary } from './import'

/** Relative to the working folder: inside a Next.js bundle `import.meta.url` is not the source file. */
const SEED_CONTENT_DIR = path.join('src', 'seed', 'content')

export type SeedOnStartOptions = { dir?: string; env?: Record<string, string | undefined> }

// Calls while an import runs share it instead of importing the same files twice.
let started: Promise<ImportSummary | undefined> | undefined

/**
 * Imports the seed articles on the first start of an empty site. Turned off by
 * `SEED_ON_START=false`; never throws, so a broken seed never keeps the site from starting.
 * Instances that start together take turns (src/lib/startupLock.ts): the first imports, the
 * others then find articles and import nothing.
 */
export async function seedOnStart(
  payload: Payload,
  { dir, env = process.env }: SeedOnStartOptions = {},
) {
  if (env.SEED_ON_START === 'false') return undefined
  started ??= runSeed(payload, path.resolve(dir ?? SEED_CONTENT_DIR)).finally(() => {
    started = undefined
  })
  return started
}

async function runSeed(payload: Payload, dir: string): Promise<ImportSummary | undefined> {
  try {
    return await withStartupLock(payload, 'seed', () => seedIfEmpty(payload, dir))
  } catch (error) {
    payload.logger.error({ err: error, msg: `[seed] First-start import of ${dir} failed` })
    return undefined
  }
}

async function seedIfEmpty(payload: Payload, dir: string): Promise<ImportSummary | undefined> {
  const { totalDocs } = await payload.count({ collection: 'articles', overrideAccess: true })
  if (totalDocs > 0) return undefined
  payload.logger.info(`[seed] No articles yet: importing ${dir}`)
  const summary = await importDirectory(payload, dir, {
    status: 'published',
    log: (line) => payload.logger.info(`[seed] ${line}`),
  })
  const message = `[seed] ${formatSummary(summary.counts)}`
  if (summary.counts.failed > 0) payload.logger.warn(message)
  else payload.logger.info(message)
  return summary
}
