import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalBlocks } from '@/lib/lexical'
import { relationId } from '@/lib/relationId'
import { importDirectory, type ImportSummary } from '@/seed/import'
import {
  PLACEHOLDER_ALT,
  PLACEHOLDER_CAPTION,
  PLACEHOLDER_HEIGHT,
  PLACEHOLDER_VARIANTS,
  PLACEHOLDER_WIDTH,
  placeholderImportKey,
  placeholderVariantOf,
} from '@/seed/placeholder'
import { seedOnStart } from '@/seed/seedOnStart'
import { graphql } from '../helpers/api'
import { imageFile, makeImage } from '../helpers/images'
import { startTestPayload, type TestPayload } from '../helpers/payload'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CONTENT = path.join(ROOT, 'src/seed/content')
const EU_FILE = '000_1720218f34133c12.txt'
const CANADA_FILE = '004_9912798c27e5045e.txt'
const EU_TITLE = 'EU und Japan vertiefen Kooperation'
const CANADA_TITLE = 'Kanada und Japan beginnen formelle Gespräche'
// The shared placeholder the EU file's key picks.
const EU_PLACEHOLDER = placeholderImportKey(placeholderVariantOf('000_1720218f34133c12'))

let ctx: TestPayload
let payload: Payload
let workDir: string

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-seed-test-'))
})
afterAll(async () => {
  await ctx?.close()
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true })
})

/** A copy of seed files in a fresh folder, to edit without touching the real ones. */
function copyOfContent(files = [EU_FILE, CANADA_FILE]): string {
  const dir = fs.mkdtempSync(path.join(workDir, 'content-'))
  for (const file of files) fs.copyFileSync(path.join(CONTENT, file), path.join(dir, file))
  return dir
}

const count = async (collection: 'articles' | 'images' | 'sources') =>
  (await payload.count({ collection, overrideAccess: true })).totalDocs

const articleByKey = async (importKey: string) => {
  const { docs } = await payload.find({
    collection: 'articles',
    overrideAccess: true,
    draft: true,
    depth: 1,
    where: { importKey: { equals: importKey } },
  })
  return docs[0]
}

const outcomes = ({ results }: ImportSummary) =>
  Object.fromEntries(results.map((r) => [r.file, r.outcome]))

const anonymousArticles = async (title: string) => {
  const { body } = await graphql(
    `
      query ($title: String) {
        Articles(where: { title: { like: $title } }) {
          docs {
            title
            dateline
            originalPhoto
            heroImage {
              creditLine
            }
            sources {
              name
            }
          }
        }
      }
    `,
    { title },
  )
  expect(body.errors).toBeUndefined()
  return body.data.Articles.docs as {
    title: string
    dateline: string | null
    originalPhoto: string | null
    heroImage: { creditLine: string } | null
    sources: { name: string }[] | null
  }[]
}

describe('seed import', () => {
  it('seeds an empty site on first start, and only then', async () => {
    expect(
      await seedOnStart(payload, { dir: CONTENT, env: { SEED_ON_START: 'false' } }),
    ).toBeUndefined()
    expect(await count('articles')).toBe(0)
    const first = await seedOnStart(payload, { dir: CONTENT, env: {} })
    expect(first?.counts).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 0 })
    expect(await seedOnStart(payload, { dir: CONTENT, env: {} })).toBeUndefined()
    expect([await count('articles'), await count('images'), await count('sources')]).toEqual([
      2, 1, 1,
    ])
  })

  it('finds nothing to do when the seed content is imported again', async () => {
    const lines: string[] = []
    const again = await importDirectory(payload, CONTENT, { log: (line) => lines.push(line) })
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 0 })
    expect(lines).toEqual([
      expect.stringMatching(/^unchanged +000_.*EU und Japan/),
      expect.stringMatching(/^unchanged +004_/),
    ])
    expect([await count('articles'), await count('images'), await count('sources')]).toEqual([
      2, 1, 1,
    ])
  })

  it('maps the files to published articles with sources and a placeholder hero image', async () => {
    const canada = await articleByKey('004_9912798c27e5045e')
    expect(canada).toMatchObject({
      title: expect.stringContaining(CANADA_TITLE),
      dateline: 'OTTAWA',
      language: 'de',
      _status: 'published',
    })
    expect(canada.publishedAt).toBeTruthy()
    expect(lexicalBlocks(canada.content)[0]).toMatch(
      /^Kanada und Japan haben Gespräche aufgenommen/,
    )
    expect(canada.sources).toEqual([
      expect.objectContaining({ name: 'The Associated Press', kind: 'agency' }),
    ])

    const eu = await articleByKey('000_1720218f34133c12')
    const image = await payload.findByID({
      collection: 'images',
      id: (eu.heroImage as { id: string }).id,
      overrideAccess: true,
    })
    expect(image).toMatchObject({
      importKey: EU_PLACEHOLDER,
      alt: PLACEHOLDER_ALT,
      caption: PLACEHOLDER_CAPTION,
      // The placeholder is the newsroom's drawing: no photographer's name under it.
      credit: { author: 'Redaktion', license: 'cc0', provider: null },
      creditLine: 'Redaktion (CC0)',
      mimeType: 'image/jpeg',
      width: PLACEHOLDER_WIDTH,
      height: PLACEHOLDER_HEIGHT,
    })
    expect(image.filename).toBe(`${EU_PLACEHOLDER}.jpg`)
    expect(image.sizes?.og).toMatchObject({ width: 1200, height: 630 })
    expect(image.sizes?.thumbnail?.width).toBe(400)
    // The scraped credit stays with the article, for editors.
    expect(eu.originalPhoto).toBe('Elionas2 (CC0), Pixabay, nicht vorhanden')
    expect(canada.originalPhoto ?? null).toBeNull()
  })

  it('serves the imported articles to anonymous GraphQL readers', async () => {
    const [eu] = await anonymousArticles(EU_TITLE)
    expect(eu.heroImage).toEqual({ creditLine: 'Redaktion (CC0)' })
    // Readers see neither the photographer of the missing original nor the note.
    expect(eu.originalPhoto).toBeNull()
    const [canada] = await anonymousArticles(CANADA_TITLE)
    expect(canada).toMatchObject({
      dateline: 'OTTAWA',
      sources: [{ name: 'The Associated Press' }],
    })
  })

  it('updates exactly the changed file, as a new version that keeps publishedAt', async () => {
    const dir = copyOfContent()
    fs.appendFileSync(path.join(dir, CANADA_FILE), '\n\nEin neuer Absatz, nachträglich ergänzt.\n')
    const before = await articleByKey('004_9912798c27e5045e')
    const versionsBefore = (
      await payload.countVersions({
        collection: 'articles',
        where: { parent: { equals: before.id } },
      })
    ).totalDocs

    const summary = await importDirectory(payload, dir)
    expect(outcomes(summary)).toEqual({ [EU_FILE]: 'unchanged', [CANADA_FILE]: 'updated' })

    const after = await articleByKey('004_9912798c27e5045e')
    expect(after.id).toBe(before.id)
    expect(after.publishedAt).toBe(before.publishedAt)
    expect(lexicalBlocks(after.content).at(-1)).toBe('Ein neuer Absatz, nachträglich ergänzt.')
    const versionsAfter = (
      await payload.countVersions({
        collection: 'articles',
        where: { parent: { equals: before.id } },
      })
    ).totalDocs
    expect(versionsAfter).toBe(versionsBefore + 1)
    expect(await count('articles')).toBe(2)
  })

  it('puts a changed credit on the article, never on the placeholder, without a new file', async () => {
    const dir = copyOfContent([EU_FILE])
    const file = path.join(dir, EU_FILE)
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace('Elionas2 (CC0), Pixabay', 'Erika Muster (CC BY 4.0), Pixabay'),
    )
    const before = (await articleByKey('000_1720218f34133c12')).heroImage as { id: string }
    const picture = path.resolve(process.env.MEDIA_DIR || 'media', `${EU_PLACEHOLDER}.jpg`)
    const writtenAt = fs.statSync(picture).mtimeMs

    const summary = await importDirectory(payload, dir)
    expect(outcomes(summary)).toEqual({ [EU_FILE]: 'updated' })

    const article = await articleByKey('000_1720218f34133c12')
    expect(article.originalPhoto).toBe('Erika Muster (CC BY 4.0), Pixabay, nicht vorhanden')
    const image = await payload.findByID({
      collection: 'images',
      id: before.id,
      overrideAccess: true,
    })
    expect(image).toMatchObject({
      filename: `${EU_PLACEHOLDER}.jpg`,
      creditLine: 'Redaktion (CC0)',
    })
    expect(fs.statSync(picture).mtimeMs).toBe(writtenAt)
    expect(await count('images')).toBe(1)
    expect((await importDirectory(payload, dir)).counts.unchanged).toBe(1)
  })

  it('gives a placeholder of an earlier import that names the photographer the newsroom credit', async () => {
    const { id } = (await articleByKey('000_1720218f34133c12')).heroImage as { id: string }
    await payload.update({
      collection: 'images',
      id,
      overrideAccess: true,
      context: { disableRevalidate: true },
      data: { credit: { author: 'Elionas2', license: 'cc0', provider: 'Pixabay' } },
    })
    const summary = await importDirectory(payload, copyOfContent([EU_FILE]))
    expect(summary.counts.failed).toBe(0)
    const image = await payload.findByID({ collection: 'images', id, overrideAccess: true })
    expect(image.creditLine).toBe('Redaktion (CC0)')
  })

  it('keeps a photo an editor uploaded, and the note on the original, when importing again', async () => {
    const article = await articleByKey('000_1720218f34133c12')
    const photo = await payload.create({
      collection: 'images',
      overrideAccess: true,
      context: { disableRevalidate: true },
      data: {
        alt: 'Das echte Foto',
        credit: { author: 'Elionas2', license: 'pixabay', provider: 'Pixabay' },
      },
      file: imageFile(await makeImage('jpeg', 120, 80), 'echt.jpg', 'image/jpeg'),
    })
    await payload.update({
      collection: 'articles',
      id: article.id,
      overrideAccess: true,
      context: { disableRevalidate: true },
      data: { heroImage: photo.id, originalPhoto: null },
    })
    const summary = await importDirectory(payload, copyOfContent([EU_FILE]))
    expect(summary.counts.failed).toBe(0)
    const after = await articleByKey('000_1720218f34133c12')
    expect(relationId(after.heroImage)).toBe(photo.id)
    expect(after.originalPhoto ?? null).toBeNull()
  })

  it('shares one placeholder image per variant between the articles that credit a photo', async () => {
    const dir = fs.mkdtempSync(path.join(workDir, 'shared-'))
    const text = fs.readFileSync(path.join(CONTENT, EU_FILE), 'utf8')
    const keys = Array.from({ length: 24 }, (_, i) => `geteilt-${i}`)
    keys.forEach((key, i) =>
      fs.writeFileSync(
        path.join(dir, `${key}.txt`),
        text.replace('EU und Japan vertiefen', `Geteilt ${i}: EU und Japan vertiefen`),
      ),
    )
    const imagesBefore = await count('images')
    const variants = new Set([EU_FILE.slice(0, -4), ...keys].map(placeholderVariantOf))
    expect(variants.size).toBeGreaterThan(1)

    const summary = await importDirectory(payload, dir, { concurrency: 3 })

    expect(summary.counts.created).toBe(keys.length)
    // One new image document for each variant not used before, none per article.
    expect(await count('images')).toBe(imagesBefore + variants.size - 1)
    const { docs: shared } = await payload.find({
      collection: 'images',
      overrideAccess: true,
      pagination: false,
      where: { importKey: { like: 'placeholder-' } },
    })
    expect(shared).toHaveLength(variants.size)
    expect(shared.length).toBeLessThanOrEqual(PLACEHOLDER_VARIANTS)
    const idByKey = new Map(shared.map((image) => [image.importKey, image.id]))
    for (const key of keys) {
      const article = await articleByKey(key)
      expect(relationId(article.heroImage)).toBe(
        idByKey.get(placeholderImportKey(placeholderVariantOf(key))),
      )
      expect(article.originalPhoto).toBe('Elionas2 (CC0), Pixabay, nicht vorhanden')
    }
    expect((await importDirectory(payload, dir)).counts.unchanged).toBe(keys.length)
  })

  it('keeps the own placeholder an article got from an earlier import', async () => {
    const dir = fs.mkdtempSync(path.join(workDir, 'legacy-'))
    fs.copyFileSync(path.join(CONTENT, EU_FILE), path.join(dir, 'alt-import.txt'))
    // Imports before the shared placeholders made one picture per article, and earlier still it
    // named the original's photographer.
    const legacy = await payload.create({
      collection: 'images',
      overrideAccess: true,
      context: { disableRevalidate: true },
      data: {
        alt: 'Symbolbild zu: EU und Japan vertiefen Kooperation',
        credit: { author: 'Elionas2', license: 'cc0', provider: 'Pixabay' },
        importKey: 'alt-import-hero',
      },
      file: imageFile(await makeImage('jpeg', 120, 63), 'alt-import-hero.jpg', 'image/jpeg'),
    })
    const imagesBefore = await count('images')

    expect((await importDirectory(payload, dir)).counts.created).toBe(1)

    const article = await articleByKey('alt-import')
    expect(relationId(article.heroImage)).toBe(legacy.id)
    const image = await payload.findByID({
      collection: 'images',
      id: legacy.id,
      overrideAccess: true,
    })
    expect(image.creditLine).toBe('Redaktion (CC0)')
    expect(await count('images')).toBe(imagesBefore)
    expect((await importDirectory(payload, dir)).counts.unchanged).toBe(1)
  })

  it('leaves the query planner statistics of the article tables behind', async () => {
    // Without them SQLite scans every article's version for each new slug (see articleImporter).
    const db = payload.db as unknown as {
      name: string
      drizzle: unknown
      execute(args: { drizzle: unknown; raw: string }): Promise<unknown>
    }
    const rowsOf = (result: unknown) =>
      ((result as { rows?: unknown[] }).rows ?? (result as unknown[])) as Record<string, unknown>[]
    const query =
      db.name === 'postgres'
        ? `SELECT relname AS name FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL`
        : `SELECT DISTINCT tbl AS name FROM sqlite_stat1`
    const analyzed = rowsOf(await db.execute({ drizzle: db.drizzle, raw: query })).map(
      (row) => row.name,
    )
    expect(analyzed).toEqual(expect.arrayContaining(['articles', '_articles_v']))
  })

  it('reports unreadable files and still imports the others', async () => {
    const dir = fs.mkdtempSync(path.join(workDir, 'broken-'))
    fs.writeFileSync(path.join(dir, 'empty.txt'), '')
    fs.writeFileSync(
      path.join(dir, 'binary.txt'),
      Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)),
    )
    fs.copyFileSync(path.join(CONTENT, CANADA_FILE), path.join(dir, 'good.txt'))
    const lines: string[] = []

    const summary = await importDirectory(payload, dir, { log: (line) => lines.push(line) })

    expect(summary.counts).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 2 })
    expect(summary.results.map(({ file, outcome }) => [file, outcome])).toEqual([
      ['binary.txt', 'failed'],
      ['empty.txt', 'failed'],
      ['good.txt', 'created'],
    ])
    expect(summary.results[0].reason).toMatch(/binary/i)
    expect(summary.results[1].reason).toMatch(/empty/i)
    expect(lines[1]).toMatch(/^failed +empty\.txt +.*empty/)
    expect(await count('sources')).toBe(1)
  })

  it('gives two new files with the same title their own slugs, even when imported in parallel', async () => {
    const dir = fs.mkdtempSync(path.join(workDir, 'twins-'))
    const text = fs
      .readFileSync(path.join(CONTENT, CANADA_FILE), 'utf8')
      .replace('Kanada und Japan', 'Zwillinge:')
    for (const name of ['twin-a.txt', 'twin-b.txt', 'twin-c.txt'])
      fs.writeFileSync(path.join(dir, name), text)

    const summary = await importDirectory(payload, dir, { concurrency: 3 })

    expect(summary.counts.created).toBe(3)
    const slugs = await Promise.all(
      ['twin-a', 'twin-b', 'twin-c'].map(async (key) => (await articleByKey(key)).slug),
    )
    expect(new Set(slugs).size).toBe(3)
  })

  it('imports drafts that anonymous readers cannot see, and publishes them on a published import', async () => {
    const dir = fs.mkdtempSync(path.join(workDir, 'draft-'))
    const text = fs
      .readFileSync(path.join(CONTENT, EU_FILE), 'utf8')
      .replace('EU und Japan vertiefen', 'Entwurf: EU und Japan vertiefen')
    fs.writeFileSync(path.join(dir, 'entwurf.txt'), text)

    const drafted = await importDirectory(payload, dir, { status: 'draft' })
    expect(drafted.counts.created).toBe(1)
    const draft = await articleByKey('entwurf')
    expect(draft._status).toBe('draft')
    expect(draft.publishedAt).toBeFalsy()
    expect(await anonymousArticles('Entwurf: EU und Japan')).toEqual([])
    expect((await importDirectory(payload, dir, { status: 'draft' })).counts.unchanged).toBe(1)

    const published = await importDirectory(payload, dir, { status: 'published' })
    expect(published.counts.updated).toBe(1)
    expect(await anonymousArticles('Entwurf: EU und Japan')).toHaveLength(1)
  })
})

describe('seed CLI', () => {
  // By default an unusable database URI: the dry run and usage errors must not even load the config.
  const cli = (...args: [...string[], Record<string, string>] | string[]) => {
    const env = typeof args.at(-1) === 'object' ? (args.pop() as Record<string, string>) : {}
    return spawnSync('npx', ['tsx', 'src/seed/cli.ts', ...(args as string[])], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URI: 'unusable://nowhere', ...env },
      timeout: 60_000,
    })
  }

  it('prints the parsed articles as JSON on --dry-run', () => {
    const { status, stdout, stderr } = cli('--dry-run')
    expect(stderr).not.toMatch(/DATABASE_URI/)
    expect(status).toBe(0)
    const parsed = JSON.parse(stdout) as { file: string; article: { title: string } }[]
    expect(parsed.map(({ file }) => file)).toEqual([EU_FILE, CANADA_FILE])
    expect(parsed.map(({ article }) => article.title)).toEqual([
      expect.stringContaining(EU_TITLE),
      expect.stringContaining(CANADA_TITLE),
    ])
  })

  it('imports a folder, reports each file and exits with 1 when a file failed', () => {
    const dir = fs.mkdtempSync(path.join(workDir, 'cli-'))
    fs.copyFileSync(path.join(CONTENT, EU_FILE), path.join(dir, EU_FILE))
    fs.writeFileSync(path.join(dir, 'leer.txt'), '   \n')
    const { status, stdout } = cli('--dir', dir, '--status', 'draft', {
      DATABASE_URI: `file:${path.join(dir, 'cli.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
    })
    expect(stdout).toMatch(/^created +000_1720218f34133c12\.txt +EU und Japan/m)
    expect(stdout).toMatch(/^failed +leer\.txt +.*empty file/m)
    expect(stdout).toMatch(/^created 1 \/ updated 0 \/ unchanged 0 \/ failed 1$/m)
    // Not a terminal: a plain progress line at the end, no bar redrawn in place (Payload's own
    // log lines keep their colours).
    expect(stdout).toMatch(/^progress 2\/2 \(100 %\), [\d.]+ articles\/s, \d+ s in all$/m)
    expect(stdout).not.toMatch(/\r|\x1b\[K/)
    expect(status).toBe(1)
  })

  it('exits with 2 and the usage on a bad option', () => {
    const { status, stderr } = cli('--status', 'live')
    expect(status).toBe(2)
    expect(stderr).toMatch(/--status must be "draft" or "published"[\s\S]*Usage: npm run seed/)
  })
})
