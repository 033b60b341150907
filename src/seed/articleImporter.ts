/**
 * The write side of one import run through the Local API: finds or creates sources and the shared
 * placeholder hero images, and creates or updates the article by `importKey`.
 */
import type { Payload, RequestContext } from 'payload'

// Relative imports, like parse.ts: the seed modules also run outside Next.js (tsx, vitest).
import type { Article, Image } from '../payload-types'
import { lexicalBlocks, paragraphsToLexical } from '../lib/lexical'
import { isNewsAgency, type ImageCredit, type ParsedArticle } from './parse'
import {
  PLACEHOLDER_ALT,
  PLACEHOLDER_CAPTION,
  PLACEHOLDER_CREDIT,
  PLACEHOLDER_MIME_TYPE,
  placeholderImportKey,
  placeholderPicture,
  placeholderVariantOf,
  PLACEHOLDER_VARIANTS,
} from './placeholder'
import { formatCreditLine } from '../lib/licenses'
import { relationId } from '@/lib/relationId'

export type ImportStatus = 'draft' | 'published'
export type ArticleResult = {
  outcome: 'created' | 'updated' | 'unchanged'
  title: string
  id: string
}

/** The importer is a trusted system process; revalidation hooks skip seeding writes. */
const SYSTEM = { overrideAccess: true, depth: 0 } as const
const seedingContext = (): RequestContext => ({ disableRevalidate: true, seeding: true })

/**
 * Tables whose planner statistics the import keeps current. Without statistics SQLite checks a
 * new article's slug through the index on `latest` (true for every article: a scan of all of
 * them) and reads an article's newest version through the index on `_status`, so each file
 * costs time in proportion to the articles before it (the slug query alone: 3.3 ms at 1,000
 * articles, 0.04 ms with statistics). PostgreSQL's autovacuum analyses too, but late in a bulk
 * import.
 */
const ANALYZED_TABLES = [
  'articles',
  '_articles_v',
  'articles_rels',
  '_articles_v_rels',
  'images',
  'sources',
]
/** Statistics are made again when the articles have doubled since, but not for fewer than this. */
const ANALYZE_MIN_GROWTH = 250

type SqlAdapter = {
  drizzle?: unknown
  execute?: (args: { drizzle: unknown; raw: string }) => unknown
}

/**
 * The key of the article's own placeholder that imports before #16 item 10 made (one upload per
 * article); articles that have one keep it. New articles share a placeholder of the pool.
 */
export const heroImageKeyOf = (importKey: string): string => `${importKey}-hero`

/**
 * The article's note on the photo the scraped file credits: the photo itself is not available,
 * so readers see a placeholder credited to the newsroom and editors see whose photo to ask for.
 */
const originalPhotoNote = (credit: ImageCredit | undefined): string | null =>
  credit ? `${formatCreditLine(credit)}, nicht vorhanden` : null

const isPlaceholderCredit = (stored: StoredCredit | null | undefined): boolean =>
  (stored?.author ?? null) === PLACEHOLDER_CREDIT.author &&
  stored?.license === PLACEHOLDER_CREDIT.license &&
  (stored?.provider ?? null) === PLACEHOLDER_CREDIT.provider

const placeholderCredit = (): Image['credit'] => ({ ...PLACEHOLDER_CREDIT })

const sameList = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((item, i) => item === b[i])
const sameSet = (a: string[], b: string[]): boolean =>
  sameList([...new Set(a)].sort(), [...new Set(b)].sort())

type StoredCredit = { author?: string | null; license?: string | null; provider?: string | null }
type StoredImage = { id: string; credit?: StoredCredit | null }
type HeroImage = { id: string; changed: boolean }
type StoredArticle = Pick<
  Article,
  | 'id'
  | 'title'
  | 'dateline'
  | 'language'
  | 'content'
  | 'sources'
  | 'heroImage'
  | 'originalPhoto'
  | '_status'
>

/**
 * One import run. It loads the keys of earlier imports and all source names once, so a fresh
 * import costs no lookup queries per file; sources found or created are cached by name.
 */
export class ArticleImporter {
  private readonly sourceIds = new Map<string, Promise<string>>()
  private readonly sourceNames = new Map<string, string>()
  private articleIds = new Map<string, string>()
  private images = new Map<string, StoredImage>()
  /** The shared placeholders of this run by variant, each found or created once. */
  private readonly placeholders = new Map<number, Promise<string>>()
  private saving: Promise<unknown> = Promise.resolve()
  private analyzedAt = 0

  constructor(
    private readonly payload: Payload,
    private readonly status: ImportStatus = 'published',
  ) {}

  async load(): Promise<this> {
    const [articles, images, sources] = await Promise.all([
      this.payload.find({
        collection: 'articles',
        ...SYSTEM,
        pagination: false,
        where: { importKey: { exists: true } },
        select: { importKey: true },
      }),
      this.payload.find({
        collection: 'images',
        ...SYSTEM,
        pagination: false,
        where: { importKey: { exists: true } },
        select: { importKey: true, credit: true },
      }),
      this.payload.find({
        collection: 'sources',
        ...SYSTEM,
        pagination: false,
        select: { name: true },
      }),
    ])
    this.articleIds = new Map(articles.docs.map((doc) => [doc.importKey!, doc.id]))
    this.images = new Map(
      images.docs.map((doc) => [doc.importKey!, { id: doc.id, credit: doc.credit }]),
    )
    for (const { id, name } of sources.docs) this.rememberSource(name, id)
    await this.analyze()
    return this
  }

  /**
   * Gives the query planner statistics of the tables the import reads (SQL databases; a
   * maintenance statement, it writes no content). Failure only costs speed, so it is logged.
   */
  private async analyze(): Promise<void> {
    this.analyzedAt = this.articleIds.size
    const db = this.payload.db as unknown as SqlAdapter
    if (!db.drizzle || typeof db.execute !== 'function') return
    try {
      for (const table of ANALYZED_TABLES)
        await db.execute({ drizzle: db.drizzle, raw: `ANALYZE "${table}"` })
    } catch (error) {
      this.payload.logger.warn({ err: error, msg: '[seed] ANALYZE failed; the import goes on' })
    }
  }

  /** Creates or updates the article for one parsed file. */
  async importArticle(article: ParsedArticle, importKey: string): Promise<ArticleResult> {
    const [sources, hero] = await Promise.all([
      Promise.all(article.sources.map((name) => this.sourceId(name))),
      article.imageCredit ? this.heroImage(importKey) : undefined,
    ])
    return this.serially(() => this.saveArticle(article, importKey, sources, hero))
  }

  private async saveArticle(
    article: ParsedArticle,
    importKey: string,
    sources: string[],
    hero?: HeroImage,
  ): Promise<ArticleResult> {
    const { title } = article
    const data = {
      title,
      dateline: article.dateline ?? null,
      language: article.language,
      content: paragraphsToLexical(article.paragraphs) as Article['content'],
      sources,
      originalPhoto: originalPhotoNote(article.imageCredit),
      _status: this.status,
    }
    const write = {
      ...SYSTEM,
      context: seedingContext(),
      draft: this.status === 'draft',
      select: { importKey: true },
    } as const
    const existingId = this.articleIds.get(importKey)
    if (!existingId) {
      const { id } = await this.payload.create({
        collection: 'articles',
        ...write,
        data: { ...data, importKey, heroImage: hero?.id ?? null },
      })
      this.articleIds.set(importKey, id)
      if (
        this.articleIds.size >= Math.max(2 * this.analyzedAt, this.analyzedAt + ANALYZE_MIN_GROWTH)
      )
        await this.analyze()
      return { outcome: 'created', title, id }
    }

    const stored = (await this.payload.findByID({
      collection: 'articles',
      id: existingId,
      ...SYSTEM,
      draft: true,
      select: {
        title: true,
        dateline: true,
        language: true,
        content: true,
        sources: true,
        heroImage: true,
        originalPhoto: true,
        _status: true,
      },
    })) as StoredArticle
    const heroImage = this.heroImageFor(stored, importKey, hero?.id)
    // Once an editor has put in a real photo, the note on the missing original is theirs to keep.
    const editorsPhoto = heroImage !== null && !this.isOwnPlaceholder(heroImage, importKey)
    const originalPhoto = editorsPhoto ? (stored.originalPhoto ?? null) : data.originalPhoto
    if (!hero?.changed && this.isUnchanged(stored, { ...data, originalPhoto }, article, heroImage))
      return { outcome: 'unchanged', title, id: existingId }
    await this.payload.update({
      collection: 'articles',
      id: existingId,
      ...write,
      data: { ...data, heroImage, originalPhoto },
    })
    return { outcome: 'updated', title, id: existingId }
  }

  /**
   * Article saves run one at a time (pictures are still resized in parallel): two files with the
   * same title would otherwise both claim the same free slug. SQLite writes one at a time anyway.
   */
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.saving.then(task, task)
    this.saving = run.catch(() => undefined)
    return run
  }

  private isUnchanged(
    stored: StoredArticle,
    data: { originalPhoto: string | null },
    article: ParsedArticle,
    heroImage: string | null,
  ): boolean {
    const storedSources = (stored.sources ?? []).map(
      (source) => this.sourceNames.get(relationId(source) ?? '') ?? '',
    )
    return (
      stored.title === article.title &&
      (stored.dateline ?? undefined) === article.dateline &&
      stored.language === article.language &&
      sameList(
        lexicalBlocks(stored.content),
        article.paragraphs.map((paragraph) => paragraph.trim()),
      ) &&
      sameSet(storedSources, article.sources) &&
      (relationId(stored.heroImage) ?? null) === heroImage &&
      (stored.originalPhoto ?? null) === data.originalPhoto &&
      // Importing as published publishes a draft; importing as draft never unpublishes.
      (this.status === 'draft' || stored._status === 'published')
    )
  }

  /**
   * The hero to store: a picture an editor chose stays; otherwise the file's placeholder, or none
   * when the file names no photo (only our own placeholder is ever removed).
   */
  private heroImageFor(
    stored: StoredArticle,
    importKey: string,
    heroId: string | undefined,
  ): string | null {
    const current = relationId(stored.heroImage) ?? null
    if (current && !this.isOwnPlaceholder(current, importKey)) return current
    return heroId ?? null
  }

  /** The article's placeholder of an earlier import, or one of the shared ones. */
  private isOwnPlaceholder(imageId: string, importKey: string): boolean {
    if (imageId === this.images.get(heroImageKeyOf(importKey))?.id) return true
    return Array.from({ length: PLACEHOLDER_VARIANTS }, (_, variant) =>
      this.images.get(placeholderImportKey(variant)),
    ).some((image) => image?.id === imageId)
  }

  /**
   * The placeholder hero: the article's own one from an earlier import if it has one, otherwise
   * the shared placeholder its key picks. A placeholder that still names the original's
   * photographer gets the newsroom's credit; an existing one never gets a new file.
   */
  private async heroImage(importKey: string): Promise<HeroImage> {
    const key = heroImageKeyOf(importKey)
    const own = this.images.get(key)
    if (!own)
      return { id: await this.sharedPlaceholder(placeholderVariantOf(importKey)), changed: false }
    if (isPlaceholderCredit(own.credit)) return { id: own.id, changed: false }
    await this.giveNewsroomCredit(key, own.id)
    return { id: own.id, changed: true }
  }

  /** Finds or creates the shared placeholder of a variant, once per run (files run in parallel). */
  private sharedPlaceholder(variant: number): Promise<string> {
    let id = this.placeholders.get(variant)
    if (!id) {
      id = this.findOrCreatePlaceholder(variant)
      this.placeholders.set(variant, id)
      id.catch(() => this.placeholders.delete(variant))
    }
    return id
  }

  private async findOrCreatePlaceholder(variant: number): Promise<string> {
    const key = placeholderImportKey(variant)
    const existing = this.images.get(key)
    if (existing) {
      if (!isPlaceholderCredit(existing.credit)) await this.giveNewsroomCredit(key, existing.id)
      return existing.id
    }
    const picture = await placeholderPicture(variant)
    const image = await this.payload.create({
      collection: 'images',
      ...SYSTEM,
      context: seedingContext(),
      select: { importKey: true },
      data: {
        alt: PLACEHOLDER_ALT,
        caption: PLACEHOLDER_CAPTION,
        credit: placeholderCredit(),
        importKey: key,
      },
      file: {
        data: picture,
        mimetype: PLACEHOLDER_MIME_TYPE,
        name: `${key}.jpg`,
        size: picture.length,
      },
    })
    this.images.set(key, { id: image.id, credit: placeholderCredit() })
    return image.id
  }

  private async giveNewsroomCredit(key: string, id: string): Promise<void> {
    await this.payload.update({
      collection: 'images',
      id,
      ...SYSTEM,
      context: seedingContext(),
      select: { importKey: true },
      data: { credit: placeholderCredit() },
    })
    this.images.set(key, { id, credit: placeholderCredit() })
  }

  private rememberSource(name: string, id: string): void {
    this.sourceIds.set(name, Promise.resolve(id))
    this.sourceNames.set(id, name)
  }

  private sourceId(name: string): Promise<string> {
    const cached = this.sourceIds.get(name)
    if (cached) return cached
    // Cache the promise itself, so files imported in parallel create a new source only once.
    const created = this.payload
      .create({
        collection: 'sources',
        ...SYSTEM,
        context: seedingContext(),
        select: { name: true },
        data: { name, kind: isNewsAgency(name) ? 'agency' : 'other' },
      })
      .then(({ id }) => {
        this.sourceNames.set(id, name)
        return id
      })
    created.catch(() => this.sourceIds.delete(name))
    this.sourceIds.set(name, created)
    return created
  }
}
