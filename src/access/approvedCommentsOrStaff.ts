import type { Access, Where } from 'payload'

import { isStaffUser } from './roles'

/** Editors and admins see every comment; everyone else approved comments of published articles. */
export const approvedCommentsOrStaff: Access = ({ req: { user } }) => {
  if (isStaffUser(user)) return true
  const approvedOfPublished: Where = {
    and: [{ status: { equals: 'approved' } }, { 'article._status': { equals: 'published' } }],
  }
  return approvedOfPublished
}
