/**
 * Imports scraped article files through the Local API: one `*.txt` per article, upserted by its
 * `importKey` (the file name without extension), with found-or-created sources and, when the file
 * credits a photo, a shared placeholder hero image (the credit goes on the article as
 * `originalPhoto`). Safe to run again: unchanged files stay untouched.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { ArticleImporter, type ArticleResult, type ImportStatus } from './articleImporter'
import { ArticleParseError, parseArticleText, type ParsedArticle } from './parse'

export type ImportOutcome = ArticleResult['outcome'] | 'failed'
export type ImportCounts = Record<ImportOutcome, number>
export type FileResult = {
  file: string
  outcome: ImportOutcome
  title?: string
  reason?: string
  id?: string
}
export type ImportSummary = { results: FileResult[]; counts: ImportCounts }

export type ImportOptions = {
  status?: ImportStatus
  /** One line per file, in the files' order, with the result it describes. */
  log?: (line: string, result: FileResult) => void
  /** Files in flight at once: lets reading and parsing overlap with database writes. */
  concurrency?: number
  /** Called with the number of finished files (in any order) and the number of files. */
  onProgress?: (done: number, total: number) => void
}

export type ParsedFile =
  | { file: string; importKey: string; article: ParsedArticle }
  | { file: string; importKey: string; error: string }

const DEFAULT_CONCURRENCY = 3

export const importKeyOf = (file: string): string => path.basename(file, path.extname(file))

/** The `*.txt` files of a folder in a stable order (code-point order of their names). */
async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && /\.txt$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort()
}

async function parseArticleFile(filePath: string): Promise<ParsedArticle> {
  const text = (await fs.readFile(filePath)).toString('utf8')
  return parseArticleText(text, path.basename(filePath))
}

/** Parses every file without touching a database (the CLI's `--dry-run`). */
export async function parseDirectory(dir: string): Promise<ParsedFile[]> {
  const files = await listArticleFiles(dir)
  return Promise.all(
    files.map(async (file): Promise<ParsedFile> => {
      const importKey = importKeyOf(file)
      try {
        return { file, importKey, article: await parseArticleFile(path.join(dir, file)) }
      } catch (error) {
        return { file, importKey, error: describeError(error) }
      }
    }),
  )
}

export function describeError(error: unknown): string {
  if (error instanceof ArticleParseError) return error.reason
  const fieldErrors = (error as { data?: { errors?: { path?: string; message?: string }[] } })?.data
    ?.errors
  if (Array.isArray(fieldErrors) && fieldErrors.length > 0) {
    return fieldErrors.map(({ path: field, message }) => `${field}: ${message}`).join('; ')
  }
  return error instanceof Error ? error.message : String(error)
}

/** Parses and imports one file; failures become a `failed` result instead of an exception. */
async function importFile(importer: ArticleImporter, filePath: string): Promise<FileResult> {
  const file = path.basename(filePath)
  try {
    const article = await parseArticleFile(filePath)
    return { file, ...(await importer.importArticle(article, importKeyOf(file))) }
  } catch (error) {
    return { file, outcome: 'failed', reason: describeError(error) }
  }
}

const emptyCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0, failed: 0 })

export const formatResult = ({ outcome, file, title, reason }: FileResult): string =>
  `${outcome.padEnd(9)}  ${file}  ${reason ?? title ?? ''}`.trimEnd()

export const formatSummary = ({ created, updated, unchanged, failed }: ImportCounts): string =>
  `created ${created} / updated ${updated} / unchanged ${unchanged} / failed ${failed}`

/**
 * Imports every `*.txt` file of `dir` in sorted order and logs one line per file, in that order,
 * as soon as it and all files before it are done.
 */
export async function importDirectory(
  payload: Payload,
  dir: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const {
    status = 'published',
    log = () => {},
    concurrency = DEFAULT_CONCURRENCY,
    onProgress = () => {},
  } = options
  const files = await listArticleFiles(dir)
  onProgress(0, files.length)
  const importer = await new ArticleImporter(payload, status).load()
  const results: FileResult[] = new Array(files.length)
  const seenKeys = new Map<string, string>()
  let next = 0
  let logged = 0
  let finished = 0

  const importAt = async (index: number): Promise<FileResult> => {
    const file = files[index]
    const sameKey = seenKeys.get(importKeyOf(file))
    if (sameKey)
      return {
        file,
        outcome: 'failed',
        reason: `gleicher importKey wie ${sameKey} (same import key)`,
      }
    seenKeys.set(importKeyOf(file), file)
    return importFile(importer, path.join(dir, file))
  }
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++
      results[index] = await importAt(index)
      onProgress(++finished, files.length)
      while (logged < files.length && results[logged]) {
        const result = results[logged++]
        log(formatResult(result), result)
      }
    }
  }
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, files.length)) }, worker),
  )

  const counts = emptyCounts()
  for (const { outcome } of results) counts[outcome]++
  return { results, counts }
}
