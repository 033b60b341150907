import type { CollectionBeforeOperationHook } from 'payload'

import { checkPageParams } from './checkPageParams'
import { checkWhere } from './checkWhere'
import { limitReaderPageSize } from './limitReaderPageSize'
import { readersQueryReadableFields } from './readersQueryReadableFields'
import { requestDeadline } from './requestDeadline'
import { requireJsonBody } from './requireJsonBody'

/**
 * The `beforeOperation` checks every collection runs first, in this order: the reader's
 * deadline, JSON bodies for staff writes, a well-formed `where`, whole page parameters.
 * One list, so a new check reaches every collection at once.
 */
export const requestGuards: CollectionBeforeOperationHook[] = [
  requestDeadline,
  requireJsonBody,
  checkWhere,
  checkPageParams,
]

/** `requestGuards` plus the reader rules of the public collections: page size, readable paths. */
export const readerQueryGuards: CollectionBeforeOperationHook[] = [
  ...requestGuards,
  limitReaderPageSize,
  readersQueryReadableFields,
]
