import type { CollectionBeforeChangeHook } from 'payload'

/**
 * `publishedAt` is set on the first publish and kept afterwards: editors may change it, nobody
 * clears it (restoring a version from before the first publish would otherwise do that). It
 * records that an article was ever public, which authors' delete rights depend on.
 */
export const populatePublishedAt: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
}) => {
  // On create `originalDoc` is the source of a duplicate, whose date the copy does not inherit.
  const kept = data.publishedAt || (operation === 'update' ? originalDoc?.publishedAt : undefined)
  if (kept) return { ...data, publishedAt: kept }
  if (data._status !== 'published') return data
  return { ...data, publishedAt: new Date().toISOString() }
}
