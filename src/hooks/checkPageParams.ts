import { type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { pageParamsError } from '@/lib/readerPageSize'
import { Refusal } from '@/lib/refusal'

type PageQuery = { limit?: unknown; page?: unknown }

// A GET only: the reads Payload makes after a write (to return the document) see the write's
// query parameters too, and a 400 there came after the document was stored.
const isRestRead = (operation: string, req: PayloadRequest): boolean =>
  operation === 'read' && req.payloadAPI === 'REST' && req.method === 'GET'

/**
 * Every REST read, whoever asks: `limit` and `page` must be whole numbers in range (400
 * otherwise). Reads Payload makes for itself (`overrideAccess`, e.g. loading the user of a
 * token) are left alone: they do not use the request's page parameters.
 */
export const checkPageParams: CollectionBeforeOperationHook = ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  if (!isRestRead(operation, req) || overrideAccess) return args
  const message = pageParamsError((req.query ?? {}) as PageQuery)
  if (message) throw new Refusal(message, 400)
  return args
}
