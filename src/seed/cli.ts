/**
 * `npm run seed [-- --dir <folder>] [--status draft|published] [--dry-run]`
 *
 * Imports the article files of a folder (default `src/seed/content`) into the database named by
 * `DATABASE_URI`, exactly like the app would see it. Exit codes: 0 all fine, 1 a file or the
 * run failed, 2 wrong usage.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

import nextEnv from '@next/env'

import type { ImportStatus } from './articleImporter'
import { formatSummary, importDirectory, parseDirectory } from './import'
import { createProgress, type ProgressOutput } from './progress'

export const DEFAULT_CONTENT_DIR = 'src/seed/content'

const USAGE = `Usage: npm run seed -- [--dir <folder>] [--status draft|published] [--dry-run]

  --dir <folder>       folder with *.txt article files (default: ${DEFAULT_CONTENT_DIR})
  --status <status>    draft or published (default: published)
  --dry-run            print the parsed articles as JSON; writes nothing, needs no database
  --help               show this help

On a terminal a progress bar (count, articles/s, ETA) shows the run, with a line for each
updated or failed file; otherwise (CI, pipes) every file gets a line, and a progress line
follows every 500 files or 10 seconds.`

export type CliOptions = { dir: string; status: ImportStatus; dryRun: boolean; help: boolean }

export class UsageError extends Error {}

/** Reads the command line; anything unknown is a `UsageError`. */
export function parseCliArgs(args: string[]): CliOptions {
  let values
  try {
    ;({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        dir: { type: 'string' },
        status: { type: 'string', default: 'published' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }))
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (values.status !== 'draft' && values.status !== 'published') {
    throw new UsageError(`--status must be "draft" or "published", got "${values.status}".`)
  }
  if (values.dir !== undefined && values.dir.trim() === '')
    throw new UsageError('--dir needs a folder.')
  return {
    dir: path.resolve(values.dir ?? DEFAULT_CONTENT_DIR),
    status: values.status,
    dryRun: values['dry-run'],
    help: values.help,
  }
}

async function dryRun(dir: string): Promise<number> {
  const parsed = await parseDirectory(dir)
  console.log(JSON.stringify(parsed, null, 2))
  return parsed.some((file) => 'error' in file) ? 1 : 0
}

async function importInto(
  dir: string,
  status: ImportStatus,
  output: ProgressOutput = process.stdout,
): Promise<number> {
  // Like `next`, read `.env*` first; the config reads DATABASE_URI when it is imported.
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  try {
    output.write(`Importing ${dir} as ${status} …\n`)
    let progress: ReturnType<typeof createProgress> | undefined
    const { counts } = await importDirectory(payload, dir, {
      status,
      onProgress: (done, total) => {
        progress ??= createProgress({ total, output })
        progress.update(done)
      },
      // On a terminal created and unchanged files only count; a pipe gets every file.
      log: (line, { outcome }) => {
        if (!output.isTTY || outcome === 'updated' || outcome === 'failed') progress?.log(line)
      },
    })
    progress?.finish()
    output.write(`${formatSummary(counts)}\n`)
    return counts.failed > 0 ? 1 : 0
  } finally {
    await payload.destroy()
  }
}

async function main(args: string[]): Promise<number> {
  let options: CliOptions
  try {
    options = parseCliArgs(args)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    console.error(`${error.message}\n\n${USAGE}`)
    return 2
  }
  if (options.help) {
    console.log(USAGE)
    return 0
  }
  try {
    return options.dryRun
      ? await dryRun(options.dir)
      : await importInto(options.dir, options.status)
  } catch (error) {
    console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}

const isEntryPoint =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (isEntryPoint) {
  // Open handles (database pools, sharp workers) must not keep the process alive after the run.
  main(process.argv.slice(2)).then((code) => process.exit(code))
}
