import type { FieldAccess } from 'payload'

import { isNewsroomUser } from './roles'

/** Internal fields: only newsroom members read them, through any API. */
export const isNewsroomField: FieldAccess = ({ req: { user } }) => isNewsroomUser(user)
