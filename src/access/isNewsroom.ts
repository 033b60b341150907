import type { Access } from 'payload'

import { isNewsroomUser } from './roles'

/** Any logged-in newsroom member: author, editor or admin. */
export const isNewsroom: Access = ({ req: { user } }) => isNewsroomUser(user)
