import { APIError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { isNewsroomUser } from '@/access/roles'
import { pageParamsError, readerPageSizeError } from '@/lib/readerPageSize'

type PageQuery = { limit?: unknown; page?: unknown; pagination?: unknown }

const isRestRead = (operation: string, req: PayloadRequest): boolean => operation === 'read' && req.payloadAPI === 'REST'

/**
 * Every REST read, whoever asks: `limit` and `page` must be whole numbers in range (400
 * otherwise). Reads Payload makes for itself (`overrideAccess`, e.g. loading the user of a
 * token) are left alone: they do not use the request's page parameters.
 */
export const checkPageParams: CollectionBeforeOperationHook = ({ args, operation, overrideAccess, req }) => {
  if (!isRestRead(operation, req) || overrideAccess) return args
  const message = pageParamsError((req.query ?? {}) as PageQuery)
  if (message) throw new APIError(message, 400, undefined, true)
  return args
}

/**
 * REST reads from outside the newsroom: the page size the client asked for (`?limit=`,
 * `?pagination=`) is checked before anything is read (listed after `checkPageParams`). It
 * looks at the request's own parameters, so the reads Payload makes while populating
 * relationships are not affected. GraphQL has the same rule as a validation rule (src/lib/graphql/readerPageSizeRule.ts).
 *
 * Added to the collections readers can list, not to every collection: on `users` it would also
 * run for the read that authenticates a token (same request, user not yet known) and refuse
 * an editor's own `?limit=0`. `users` has `checkPageParams` alone.
 */
export const limitReaderPageSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (!isRestRead(operation, req) || isNewsroomUser(req.user)) return args
  const query = (req.query ?? {}) as PageQuery
  const message = readerPageSizeError({ limit: query.limit, pagination: query.pagination })
  if (message) throw new APIError(message, 400, undefined, true)
  return args
}
