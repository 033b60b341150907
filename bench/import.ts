/**
 * `npm run bench:import [-- --files 5000] [--concurrency 3] [--no-images] [--keep]
 *   [--db sqlite|postgres] [--pg-url postgres://postgres@127.0.0.1:5432]`
 *
 * Generates article files like the scraped ones (titles, ~3 KB of paragraphs, image credits,
 * agency attributions, datelines, some CRLF), imports them into a fresh temporary SQLite
 * database (or, with `--db postgres`, a new PostgreSQL database that is dropped at the end) with
 * placeholder images, then imports them again (all unchanged), and prints
 * articles per second, seconds and peak RSS. `--no-images` leaves out the credit lines, which
 * shows the cost of the articles alone. Not a test: numbers depend on the machine.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { createPostgresDatabase } from './stores'

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '5000' },
    concurrency: { type: 'string' },
    'no-images': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    db: { type: 'string', default: 'sqlite' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
  },
})
if (values.db !== 'sqlite' && values.db !== 'postgres') {
  console.error('--db must be sqlite or postgres')
  process.exit(2)
}
const fileCount = Number(values.files)
if (!Number.isInteger(fileCount) || fileCount < 1) {
  console.error('--files must be a positive whole number')
  process.exit(2)
}

// Deterministic pseudo-random numbers, so every run imports the same corpus.
let seed = 20240611
const random = (): number => {
  seed = (seed * 1664525 + 1013904223) % 2 ** 32
  return seed / 2 ** 32
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]

const PLACES = [
  'BERLIN',
  'HAMBURG',
  'MÜNCHEN',
  'WIEN',
  'ZÜRICH',
  'BRÜSSEL',
  'OTTAWA',
  'NEW YORK',
  'Frankfurt (dpa)',
  'Genf (Reuters)',
]
const TOPICS = [
  'Bundestag',
  'EU-Kommission',
  'Bahn',
  'Klimagipfel',
  'Stadtrat',
  'Zentralbank',
  'Landesregierung',
  'Gewerkschaft',
  'Forschungsteam',
  'Hafen',
]
const VERBS = [
  'beschließt',
  'verschiebt',
  'prüft',
  'kritisiert',
  'plant',
  'startet',
  'stoppt',
  'verhandelt über',
]
const OBJECTS = [
  'neues Gesetz',
  'Haushaltsplan',
  'Reform der Rente',
  'Ausbau der Windkraft',
  'Tarifvertrag',
  'Förderprogramm',
  'Sicherheitsabkommen',
]
const CREDITS = [
  'Elionas2 (CC0), Pixabay',
  'Foto: Max Muster (CC BY-SA 4.0)',
  'Bild: Erika Beispiel / Wikimedia Commons (CC BY 4.0)',
  'Photo: Jane Doe (Public Domain)',
  'Hans Fotograf (CC BY 2.0), Flickr',
]
const ATTRIBUTIONS = [
  '— Mit Dateien von Reuters und der Deutschen Presse-Agentur.',
  '— Mit Dateien von The Associated Press',
  '— Mit Material von AFP',
  '— Mit Dateien von Bloomberg und der Austria Presse Agentur.',
]
const SENTENCES = [
  'Die Entscheidung fiel nach langen Beratungen, die bis in die Nacht dauerten.',
  'Kritiker warnen vor den Folgen für die Haushalte und die Wirtschaft in der Region.',
  '„Das ist ein wichtiger Schritt für unser Land“, sagte die Ministerin am Dienstag.',
  'Die Opposition kündigte an, das Vorhaben im Parlament weiter zu prüfen und Änderungen zu verlangen.',
  'Nach Angaben der Behörden sind von den Plänen mehrere tausend Menschen betroffen.',
  'Experten rechnen damit, dass die Umsetzung mindestens zwei Jahre dauern wird.',
  'Die Verbände begrüßten die Einigung, mahnten aber eine schnelle Finanzierung an.',
  'In den kommenden Wochen sollen weitere Gespräche mit den Ländern und Kommunen folgen.',
]

function paragraph(): string {
  return Array.from({ length: 3 + Math.floor(random() * 3) }, () => pick(SENTENCES)).join(' ')
}

function articleText(index: number): string {
  const title = `${pick(TOPICS)} ${pick(VERBS)} ${pick(OBJECTS)} (Meldung ${index + 1})`
  const body: string[] = []
  while (body.join('\n\n').length < 3000) body.push(paragraph())
  if (random() < 0.5) body[0] = `${pick(PLACES)} – ${body[0]}`
  const lines = [
    'Dark Mode Light Mode',
    title,
    ...(random() < 0.8 && !values['no-images'] ? [pick(CREDITS)] : []),
    ...body,
    ...(random() < 0.6 ? [pick(ATTRIBUTIONS)] : []),
    'Kommentar hinzufügen',
  ]
  const text = lines.join('\n\n')
  return index % 7 === 0 ? text.replace(/\n/g, '\r\n') : text
}

function writeCorpus(dir: string, count: number): void {
  fs.mkdirSync(dir, { recursive: true })
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}_bench.txt`), articleText(i))
  }
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'))
const contentDir = path.join(workDir, 'content')
writeCorpus(contentDir, fileCount)

const postgres =
  values.db === 'postgres'
    ? await createPostgresDatabase(
        values['pg-url'],
        `newsroom_bench_import_${Math.random().toString(36).slice(2, 10)}`,
      )
    : undefined

// The config reads these when it is imported.
process.env.DATABASE_URI = postgres?.uri ?? `file:${path.join(workDir, 'bench.db')}`
process.env.MEDIA_DIR = path.join(workDir, 'media')
process.env.PAYLOAD_SECRET ||= 'bench-secret'
process.env.SEED_ON_START = 'false'

const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const { formatSummary, importDirectory } = await import('../src/seed/import')

const payload = await getPayload({ config })
// `_clients`: pg-pool's list of its connections.
type PgPool = {
  end(): Promise<void>
  _clients?: { on(event: 'error', listener: () => void): void }[]
}
const concurrency = values.concurrency ? Number(values.concurrency) : undefined

async function timedImport(label: string) {
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const { counts } = await importDirectory(payload, contentDir, { concurrency })
  const seconds = (performance.now() - started) / 1000
  // CPU time of all threads (sharp works off the main thread): steadier than wall time on a busy machine.
  const { user, system } = process.cpuUsage(cpuBefore)
  console.log(`${label}: ${formatSummary(counts)}`)
  console.log(
    `${label}: ${(fileCount / seconds).toFixed(1)} articles/s, ${seconds.toFixed(2)} s, ` +
      `CPU ${((user + system) / 1e6).toFixed(2)} s (${((user + system) / 1e3 / fileCount).toFixed(1)} ms/article)`,
  )
  return { counts, seconds }
}

try {
  console.log(
    `Importing ${fileCount} generated files (concurrency ${concurrency ?? 'default'}) into ${postgres?.uri ?? workDir}`,
  )
  const first = await timedImport('first import')
  const second = await timedImport('re-import')
  const peakRssMb = process.resourceUsage().maxRSS / 1024
  console.log(`peak RSS: ${peakRssMb.toFixed(0)} MB`)
  if (first.counts.created !== fileCount || second.counts.unchanged !== fileCount)
    process.exitCode = 1
} finally {
  // The PostgreSQL adapter's destroy() leaves its pool open, with a connection checked out that
  // only the drop ends: that must not be an uncaught error (as in tests/helpers/payload.ts).
  const pool = (payload.db as { pool?: PgPool }).pool
  await payload.destroy()
  for (const client of pool?._clients ?? []) client.on('error', () => {})
  void pool?.end().catch(() => {})
  if (postgres && !values.keep) await postgres.drop()
  if (!values.keep) fs.rmSync(workDir, { recursive: true, force: true })
  else console.log(`kept ${workDir}`)
}
process.exit(process.exitCode ?? 0)
