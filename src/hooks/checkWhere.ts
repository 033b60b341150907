import type { CollectionBeforeOperationHook, CollectionSlug } from 'payload'

import { Refusal } from '@/lib/refusal'

import { wellFormedId } from '@/lib/relationId'
import { whereInputError } from '@/lib/whereInput'

/**
 * Every operation with a `where` (REST, GraphQL, Local API alike): a malformed one is a 400 with
 * a message (src/lib/whereInput.ts) instead of a database error (500). Listed first.
 */
export const checkWhere: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const where = (args as { where?: unknown }).where
  if (where === undefined) return args
  const message = whereInputError(
    where,
    collection.flattenedFields,
    (slug) => req.payload.collections[slug as CollectionSlug]?.config.flattenedFields,
    wellFormedId(req.payload.db as { name?: string; idType?: string }),
  )
  if (message) throw new Refusal(message)
  return args
}
