import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { cacheTags, revalidateTags } from '@/lib/revalidate'

/** Publishing, unpublishing or editing a published article expires the reader pages showing it. */
export const revalidateArticle: CollectionAfterChangeHook = async ({ doc, previousDoc, context, req }) => {
  if (context.disableRevalidate) return doc
  const touchesPublished = doc._status === 'published' || previousDoc?._status === 'published'
  if (!touchesPublished) return doc
  const slugs = new Set([doc.slug, previousDoc?.slug].filter(Boolean) as string[])
  await revalidateTags([cacheTags.articles, ...[...slugs].map(cacheTags.article)]).catch((error) =>
    req.payload.logger.error({ err: error, msg: 'Revalidation after article change failed' }),
  )
  return doc
}

export const revalidateDeletedArticle: CollectionAfterDeleteHook = async ({ doc, context, req }) => {
  if (context.disableRevalidate) return doc
  await revalidateTags([cacheTags.articles, cacheTags.article(doc.slug)]).catch((error) =>
    req.payload.logger.error({ err: error, msg: 'Revalidation after article delete failed' }),
  )
  return doc
}
