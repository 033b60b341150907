/**
 * Generated article files in the shape of the scraped seed files: title, image credit line,
 * dateline, ~3 KB of paragraphs, agency attribution, scraper chrome. Deterministic, so every
 * run measures the same corpus.
 */
import fs from 'node:fs'
import path from 'node:path'

export const AGENCIES = [
  'The Associated Press',
  'Reuters',
  'Agence France-Presse',
  'Deutsche Presse-Agentur',
  'Kyodo',
  'The Canadian Press',
  'Evangelischer Pressedienst',
  'Katholische Nachrichten-Agentur',
  'Austria Presse Agentur',
  'Keystone-SDA',
  'Bloomberg',
  'ANSA',
  'EFE',
  'Xinhua',
  'Yonhap',
  'Press Trust of India',
  'Anadolu',
  'PAP',
  'TASR',
  'Belga',
] as const

const CREDITS = [
  'Elionas2 (CC0), Pixabay',
  'Foto: Jane Doe (CC BY-SA 4.0), Wikimedia Commons',
  'Bild: Max Muster (CC BY 4.0), Flickr',
  'NASA (Public Domain), Wikimedia Commons',
]
const PLACES = ['BERLIN', 'HAMBURG', 'WIEN', 'ZÜRICH', 'BRÜSSEL', 'OTTAWA', 'NEW YORK', 'TOKIO']
const TOPICS = [
  'Bundestag',
  'EU-Kommission',
  'Bahn',
  'Klimagipfel',
  'Stadtrat',
  'Zentralbank',
  'Hafen',
  'Gewerkschaft',
]
const WORDS =
  'die der und in zu den das nicht von sie ist des sich mit dem dass er es ein ich auf so eine auch als an nach wie im für man aber aus durch wenn nur war noch werden bei hat wir was wird sein einen welche sind oder zur um haben einer mir über ihm diese einem ihr uns da zum kann doch vor dieser mich ihn du hatte seine mehr am denn nun unter sehr selbst schon hier bis habe ihre dann ihnen seiner alle wieder meine Zeit gegen vom ganz einzelnen wo muss ohne eines können sei'.split(
    ' ',
  )

function generator(seed: number) {
  let state = seed
  const random = () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32
    return state / 2 ** 32
  }
  return { random, pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] }
}

export type CorpusArticle = {
  file: string
  title: string
  sources: string[]
  paragraphs: string[]
  dateline: string
}

function articleText(index: number): {
  text: string
  title: string
  sources: string[]
  paragraphs: string[]
  dateline: string
} {
  const { random, pick } = generator(index + 1)
  const title = `${pick(TOPICS)} berät über Reformpaket Nummer ${index + 1} – „Wir brauchen Zeit“`
  const sentence = () => {
    const words = Array.from({ length: 12 + Math.floor(random() * 10) }, () => pick(WORDS))
    words[0] = words[0][0].toUpperCase() + words[0].slice(1)
    return `${words.join(' ')}.`
  }
  const paragraphs: string[] = []
  let length = 0
  while (length < 3000) {
    const paragraph = Array.from({ length: 3 + Math.floor(random() * 3) }, sentence).join(' ')
    paragraphs.push(paragraph)
    length += paragraph.length
  }
  const dateline = pick(PLACES)
  const body = [...paragraphs]
  paragraphs[0] = `${dateline} – ${paragraphs[0]}`
  const first = pick(AGENCIES)
  const second = random() < 0.5 ? pick(AGENCIES.filter((agency) => agency !== first)) : undefined
  const sources = second ? [first, second] : [first]
  const lines = [
    'Dark Mode Light Mode',
    title,
    pick(CREDITS),
    'Inhalt des Artikels',
    ...paragraphs,
    `— Mit Dateien von ${sources.join(' und ')}.`,
    `Source link-${index % 97}`,
  ]
  const eol = index % 5 === 0 ? '\r\n' : '\n'
  return { text: lines.join(eol + eol) + eol, title, sources, paragraphs: body, dateline }
}

/** Writes `count` files into `dir` and returns what each should become. */
export function writeCorpus(dir: string, count: number, offset = 0): CorpusArticle[] {
  fs.mkdirSync(dir, { recursive: true })
  const articles: CorpusArticle[] = []
  for (let i = offset; i < offset + count; i++) {
    const file = `${String(i).padStart(6, '0')}_bench.txt`
    const { text, ...article } = articleText(i)
    fs.writeFileSync(path.join(dir, file), text)
    articles.push({ file, ...article })
  }
  return articles
}
