export const ROLES = ['admin', 'editor', 'author'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = { role?: string | null; collection?: string } | null | undefined

const hasRole = (user: MaybeUser, ...roles: Role[]): boolean =>
  Boolean(user && user.collection !== 'payload-mcp-api-keys' && roles.includes(user.role as Role))

export const isAdminUser = (user: MaybeUser) => hasRole(user, 'admin')
/** Editors and admins: the people who may publish and moderate. */
export const isStaffUser = (user: MaybeUser) => hasRole(user, 'admin', 'editor')
/** Authors: write and submit their own articles, never publish. */
export const isAuthorUser = (user: MaybeUser) => hasRole(user, 'author')
/** Anyone with a newsroom account. */
export const isNewsroomUser = (user: MaybeUser) => hasRole(user, 'admin', 'editor', 'author')
