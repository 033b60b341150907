import type { CollectionBeforeChangeHook } from 'payload'

import { excerptFromContent } from '@/lib/lexical'

export const EXCERPT_MAX_LENGTH = 400

/** An empty excerpt is filled from the first paragraph of the body. */
export const populateExcerpt: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (typeof data.excerpt === 'string' && data.excerpt.trim()) return data
  const content = data.content ?? originalDoc?.content
  const excerpt = excerptFromContent(content, EXCERPT_MAX_LENGTH)
  return excerpt ? { ...data, excerpt } : data
}
