import type { CollectionBeforeChangeHook } from 'payload'

import { isStaffUser } from '@/access/roles'

const idOf = (author: unknown): unknown =>
  author && typeof author === 'object' && 'id' in author ? (author as { id: unknown }).id : author

/**
 * The creator of an article is one of its authors: always for the `author` role (otherwise they
 * could not edit their own article), and by default for editors who name nobody.
 */
export const addCreatorAsAuthor: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const user = req.user
  if (operation !== 'create' || !user || user.collection !== 'users') return data
  const authors: unknown[] = Array.isArray(data.authors) ? data.authors : []
  if (authors.map(idOf).includes(user.id)) return data
  if (isStaffUser(user) && authors.length > 0) return data
  return { ...data, authors: [...authors, user.id] }
}
