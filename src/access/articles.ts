import type { Access, Where } from 'payload'

import { isNewsroomUser, isStaffUser } from './roles'

/** Editors and admins change any article; authors only articles they are an author of. */
export const canUpdateArticle: Access = ({ req: { user } }) => {
  if (isStaffUser(user)) return true
  if (isNewsroomUser(user)) return { authors: { in: [user!.id] } }
  return false
}

/** Editors and admins delete any article; authors only their own that were never published. */
export const canDeleteArticle: Access = ({ req: { user } }) => {
  if (isStaffUser(user)) return true
  if (isNewsroomUser(user)) {
    const ownNeverPublished: Where = {
      and: [{ authors: { in: [user!.id] } }, { publishedAt: { exists: false } }, { _status: { equals: 'draft' } }],
    }
    return ownNeverPublished
  }
  return false
}
