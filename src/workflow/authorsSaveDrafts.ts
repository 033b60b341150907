import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { isStaffUser } from '@/access/roles'

/**
 * Authors never change what readers see: every save of theirs is a draft (Payload would
 * otherwise write an update without `draft: true` over the published document), and an
 * explicit publish is refused with a clear 403 on every entry point.
 */
export const authorsSaveDrafts: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  if (!req.user || isStaffUser(req.user) || args.overrideAccess) return args
  const data = args.data as { _status?: string } | undefined
  if (data?._status === 'published') {
    throw new APIError('Autoren dürfen Artikel nicht veröffentlichen; bitte zur Prüfung einreichen.', 403, null, true)
  }
  return { ...args, draft: true }
}
