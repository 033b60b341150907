import { type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { isNewsroomUser } from '@/access/roles'
import { readerPageSizeError } from '@/lib/readerPageSize'
import { Refusal } from '@/lib/refusal'

type PageQuery = { limit?: unknown; pagination?: unknown }

// A GET only: the reads Payload makes after a write (to return the document) see the write's
// query parameters too, and a 400 there came after the document was stored.
const isRestRead = (operation: string, req: PayloadRequest): boolean =>
  operation === 'read' && req.payloadAPI === 'REST' && req.method === 'GET'

/**
 * REST reads from outside the newsroom: the page size the client asked for (`?limit=`,
 * `?pagination=`) is checked before anything is read (listed after `checkPageParams`). It
 * looks at the request's own parameters, so the reads Payload makes while populating
 * relationships are not affected. GraphQL has the same rule as a validation rule
 * (src/lib/graphql/readerPageSizeRule.ts).
 *
 * Added to the collections readers can list, not to every collection: on `users` it would also
 * run for the read that authenticates a token (same request, user not yet known) and refuse
 * an editor's own `?limit=0`. `users` has `checkPageParams` alone.
 */
export const limitReaderPageSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (!isRestRead(operation, req) || isNewsroomUser(req.user)) return args
  const query = (req.query ?? {}) as PageQuery
  const message = readerPageSizeError({ limit: query.limit, pagination: query.pagination })
  if (message) throw new Refusal(message, 400)
  return args
}
