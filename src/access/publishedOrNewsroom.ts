import type { Access } from 'payload'

import { isNewsroomUser } from './roles'

/** Newsroom members read everything; readers only published versions. */
export const publishedOrNewsroom: Access = ({ req: { user } }) => {
  if (isNewsroomUser(user)) return true
  return { _status: { equals: 'published' } }
}
