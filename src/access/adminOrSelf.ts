import type { Access } from 'payload'

import { isAdminUser } from './roles'

/** Admins reach every user; everyone else only their own account. */
export const adminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdminUser(user)) return true
  return { id: { equals: user.id } }
}
