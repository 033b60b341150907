import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { cacheTags, revalidateTags } from '@/lib/revalidate'

const idOf = (value: unknown) => String(value && typeof value === 'object' ? (value as { id: unknown }).id : value)

const expireCommentsOf = (article: unknown, req: PayloadRequest) =>
  revalidateTags([cacheTags.comments(idOf(article))]).catch((error) =>
    req.payload.logger.error({ err: error, msg: 'Revalidation after comment change failed' }),
  )

/** Approving or un-approving a comment changes what readers see under its article. */
export const revalidateChangedComment: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  const visibilityChanged = (doc.status === 'approved') !== (previousDoc?.status === 'approved')
  const visibleTextChanged = doc.status === 'approved' && previousDoc && doc.body !== previousDoc.body
  if (!context.disableRevalidate && (visibilityChanged || visibleTextChanged)) await expireCommentsOf(doc.article, req)
  return doc
}

export const revalidateDeletedComment: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  if (!context.disableRevalidate && doc.status === 'approved') await expireCommentsOf(doc.article, req)
  return doc
}
