import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  PayloadRequest,
  Where,
} from 'payload'

import { publicContentChanged } from '@/hooks/publicContentChanged'
import { relationId } from '@/lib/relationId'
import { cacheTags } from '@/lib/revalidate'

type Shown = {
  id?: string
  slug?: string | null
  publishedAt?: string | null
  sources?: unknown[] | null
  _status?: string | null
}

const PUBLISHED: Where = { _status: { equals: 'published' } }
const system = { overrideAccess: true, depth: 0, pagination: false } as const

/**
 * The slugs of the articles whose previous/next links point at position `publishedAt` in the
 * home page's order (newest first; the same moment by id): the nearest older and newer
 * published article, and all of that very moment.
 */
async function neighbourSlugs(
  req: PayloadRequest,
  publishedAt: string,
  except: string | undefined,
): Promise<string[]> {
  const slugsOf = async (where: Where, sort: string, limit: number) => {
    const { docs } = await req.payload.find({
      collection: 'articles',
      where: { and: [PUBLISHED, where, ...(except ? [{ id: { not_equals: except } }] : [])] },
      sort,
      limit,
      select: { slug: true },
      req,
      ...system,
    })
    return docs.map((doc) => doc.slug).filter((slug): slug is string => Boolean(slug))
  }
  const found = await Promise.all([
    slugsOf({ publishedAt: { less_than: publishedAt } }, '-publishedAt', 1),
    slugsOf({ publishedAt: { greater_than: publishedAt } }, 'publishedAt', 1),
    slugsOf({ publishedAt: { equals: publishedAt } }, 'id', 20),
  ])
  return found.flat()
}

async function sourceSlugs(req: PayloadRequest, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'sources',
    where: { id: { in: ids } },
    select: { slug: true },
    req,
    ...system,
  })
  return docs.map((doc) => doc.slug).filter((slug): slug is string => Boolean(slug))
}

/**
 * What readers see change when an article's public state changes, before (`was`) and after
 * (`is`): the lists (`articles`: home pages, feed, sitemap), its own page, the pages of the
 * sources it names, and the previous/next links of its neighbours at its old and new place.
 */
async function articleChangeTags(
  req: PayloadRequest,
  was: Shown | null | undefined,
  is: Shown | null,
): Promise<string[]> {
  const tags = new Set<string>([cacheTags.articles])
  const states = [was, is].filter((state): state is Shown => Boolean(state))
  const id = is?.id ?? was?.id
  for (const state of states) if (state.slug) tags.add(cacheTags.article(state.slug))
  const places = new Set(
    states.map((state) => state.publishedAt).filter((at): at is string => Boolean(at)),
  )
  const ids = new Set(
    states
      .flatMap((state) => (state.sources ?? []).map(relationId))
      .filter((value): value is string => Boolean(value)),
  )
  const [neighbours, sources] = await Promise.all([
    Promise.all([...places].map((at) => neighbourSlugs(req, at, id))),
    sourceSlugs(req, [...ids]),
  ])
  for (const slug of neighbours.flat()) tags.add(cacheTags.article(slug))
  for (const slug of sources) tags.add(cacheTags.source(slug))
  return [...tags]
}

/**
 * Publishing, unpublishing or editing a published article changes what readers see.
 * `previousDoc` is the newest version, which may be a draft on top of the published one, so an
 * article that was ever published (`publishedAt`) counts too. What readers see now is read
 * back (the published document; `doc` may hold a draft or only a request's `select`).
 */
export const revalidateArticle: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  context,
  req,
}) => {
  const touchesPublished =
    doc._status === 'published' || previousDoc?._status === 'published' || Boolean(doc.publishedAt)
  if (!touchesPublished) return doc
  // An import (seed) runs before any reader: no need to work out what exactly it touches.
  if (context.disableRevalidate)
    return publicContentChanged(req, context, [cacheTags.site]).then(() => doc)
  const stored = await req.payload.findByID({
    collection: 'articles',
    id: doc.id,
    select: { slug: true, publishedAt: true, sources: true, _status: true },
    req,
    disableErrors: true,
    ...system,
  })
  const is = stored?._status === 'published' ? (stored as Shown) : null
  const was = previousDoc?.publishedAt ? (previousDoc as Shown) : null
  await publicContentChanged(
    req,
    context,
    await articleChangeTags(req, was, is ?? { id: doc.id, slug: doc.slug }),
  )
  return doc
}

export const revalidateDeletedArticle: CollectionAfterDeleteHook = async ({
  doc,
  context,
  req,
}) => {
  if (doc._status !== 'published') return doc
  const tags = context.disableRevalidate
    ? [cacheTags.site]
    : await articleChangeTags(req, doc as Shown, null)
  await publicContentChanged(req, context, tags)
  return doc
}
