import type { CollectionBeforeChangeHook } from 'payload'

import { excerptFromContent } from '@/lib/lexical'

export const EXCERPT_MAX_LENGTH = 400

/**
 * An empty excerpt is filled from the first paragraph of the body. An excerpt that was filled
 * that way keeps following the body (autosave fills it early), until an editor writes their own.
 */
export const populateExcerpt: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const content = data.content ?? originalDoc?.content
  const written = typeof data.excerpt === 'string' ? data.excerpt.trim() : ''
  const derivedBefore = originalDoc
    ? excerptFromContent(originalDoc.content, EXCERPT_MAX_LENGTH)
    : undefined
  if (written && written !== derivedBefore) return data
  const excerpt = excerptFromContent(content, EXCERPT_MAX_LENGTH)
  return excerpt ? { ...data, excerpt } : data
}
