/**
 * Fills the benchmark database through the Local API: 20 sources, one image per licence
 * credit, and N published articles with ~3 KB Lexical bodies, each with one hero image and
 * 1–2 sources. Run in its own process with DATABASE_URI set: `tsx bench/fill.ts <corpus.json>`.
 */
import fs from 'node:fs'

import config from '@payload-config'
import { getPayload } from 'payload'

import { paragraphsToLexical } from '../src/lib/lexical'
import { AGENCIES, type CorpusArticle } from './corpus'

type FillArticle = CorpusArticle & { paragraphs: string[]; dateline: string }

const CREDITS = [
  { author: 'Elionas2', license: 'cc0', provider: 'Pixabay' },
  { author: 'Jane Doe', license: 'cc-by-sa-4.0', provider: 'Wikimedia Commons' },
  { author: 'Max Muster', license: 'cc-by-4.0', provider: 'Flickr' },
  { author: 'NASA', license: 'public-domain', provider: 'Wikimedia Commons' },
] as const

const articles = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as FillArticle[]
const payload = await getPayload({ config })
const system = { overrideAccess: true, depth: 0, context: { disableRevalidate: true } } as const

const sourceIds = new Map<string, string>()
for (const name of AGENCIES) {
  sourceIds.set(
    name,
    (await payload.create({ collection: 'sources', data: { name, kind: 'agency' }, ...system })).id,
  )
}

const sharp = (await import('sharp')).default
const imageIds: string[] = []
for (const [i, credit] of CREDITS.entries()) {
  const data = await sharp({
    create: {
      width: 1600,
      height: 900,
      channels: 3,
      background: { r: 40 + i * 40, g: 90, b: 140 },
    },
  })
    .jpeg()
    .toBuffer()
  const image = await payload.create({
    collection: 'images',
    data: { alt: `Symbolbild ${i + 1}`, credit },
    file: { data, name: `bench-${i}.jpg`, mimetype: 'image/jpeg', size: data.length },
    ...system,
  })
  imageIds.push(image.id)
}

const started = Date.now() - articles.length * 60_000
for (const [i, article] of articles.entries()) {
  await payload.create({
    collection: 'articles',
    data: {
      title: article.title,
      dateline: article.dateline,
      content: paragraphsToLexical(article.paragraphs) as never,
      heroImage: imageIds[i % imageIds.length],
      sources: article.sources.map((name) => sourceIds.get(name)!),
      _status: 'published',
      publishedAt: new Date(started + i * 60_000).toISOString(),
    },
    ...system,
  })
}
await payload.destroy()
process.exit(0)
