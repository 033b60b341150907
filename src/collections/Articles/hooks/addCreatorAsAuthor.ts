import type { CollectionBeforeChangeHook } from 'payload'

import { isStaffUser } from '@/access/roles'
import { relationId } from '@/lib/relationId'

/**
 * The creator of an article is one of its authors: always for the `author` role (otherwise they
 * could not edit their own article), and by default for editors who name nobody.
 */
export const addCreatorAsAuthor: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const user = req.user
  if (operation !== 'create' || !user || user.collection !== 'users') return data
  const authors: unknown[] = Array.isArray(data.authors) ? data.authors : []
  if (authors.map(relationId).includes(user.id)) return data
  if (isStaffUser(user) && authors.length > 0) return data
  return { ...data, authors: [...authors, user.id] }
}
