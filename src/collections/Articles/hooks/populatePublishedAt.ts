import type { CollectionBeforeChangeHook } from 'payload'

/** `publishedAt` is set on the first publish and kept afterwards (editors may change it). */
export const populatePublishedAt: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data._status !== 'published') return data
  if (data.publishedAt || originalDoc?.publishedAt) return { ...data, publishedAt: data.publishedAt ?? originalDoc.publishedAt }
  return { ...data, publishedAt: new Date().toISOString() }
}
