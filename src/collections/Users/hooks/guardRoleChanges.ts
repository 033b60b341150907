import { Forbidden, type CollectionBeforeOperationHook } from 'payload'

import { isAdminUser } from '@/access/roles'

/**
 * Field access alone would silently drop a non-admin's role change; a clear 403 tells the
 * client why. Internal calls (no user, overrideAccess) are not affected.
 */
export const guardRoleChanges: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const user = req.user
  if (!user || isAdminUser(user) || args.overrideAccess) return args
  const requested = (args.data as { role?: unknown } | undefined)?.role
  if (requested === undefined || requested === null || requested === user.role) return args
  throw new Forbidden(req.t)
}
