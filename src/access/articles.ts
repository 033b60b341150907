import type { Access, Where } from 'payload'

import { isNewsroomUser, isStaffUser } from './roles'

/**
 * Editors and admins change any article; authors only articles they are an author of, and never
 * towards publication (Payload asks with `data._status: 'published'` before scheduling a
 * publish and before restoring a published version).
 */
export const canUpdateArticle: Access = ({ req: { user }, data }) => {
  if (isStaffUser(user)) return true
  if (!isNewsroomUser(user) || data?._status === 'published') return false
  return { authors: { in: [user!.id] } }
}

/** Editors and admins delete any article; authors only their own that were never published. */
export const canDeleteArticle: Access = ({ req: { user } }) => {
  if (isStaffUser(user)) return true
  if (isNewsroomUser(user)) {
    const ownNeverPublished: Where = {
      and: [
        { authors: { in: [user!.id] } },
        { publishedAt: { exists: false } },
        { _status: { equals: 'draft' } },
      ],
    }
    return ownNeverPublished
  }
  return false
}
