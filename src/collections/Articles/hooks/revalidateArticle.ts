import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { publicContentChanged } from '@/hooks/publicContentChanged'
import { cacheTags } from '@/lib/revalidate'

/**
 * Publishing, unpublishing or editing a published article changes what readers see.
 * `previousDoc` is the newest version, which may be a draft on top of the published one, so an
 * article that was ever published (`publishedAt`) counts too.
 */
export const revalidateArticle: CollectionAfterChangeHook = async ({ doc, previousDoc, context, req }) => {
  const touchesPublished = doc._status === 'published' || previousDoc?._status === 'published' || Boolean(doc.publishedAt)
  if (!touchesPublished) return doc
  const slugs = new Set([doc.slug, previousDoc?.slug].filter(Boolean) as string[])
  await publicContentChanged(req, context, [cacheTags.articles, ...[...slugs].map(cacheTags.article)])
  return doc
}

export const revalidateDeletedArticle: CollectionAfterDeleteHook = async ({ doc, context, req }) => {
  if (doc._status === 'published') await publicContentChanged(req, context, [cacheTags.articles, cacheTags.article(doc.slug)])
  return doc
}
