import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { publicContentChanged } from '@/hooks/publicContentChanged'
import { cacheTags } from '@/lib/revalidate'
import { relationId } from '@/lib/relationId'

/**
 * Approving or un-approving a comment, or editing what readers see of an approved one (its
 * text, its author's name), changes the site.
 */
export const revalidateChangedComment: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  const visibilityChanged = (doc.status === 'approved') !== (previousDoc?.status === 'approved')
  const visibleTextChanged =
    doc.status === 'approved' && previousDoc && (doc.body !== previousDoc.body || doc.authorName !== previousDoc.authorName)
  if (visibilityChanged || visibleTextChanged) await publicContentChanged(req, context, [cacheTags.comments(String(relationId(doc.article)))])
  return doc
}

export const revalidateDeletedComment: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  if (doc.status === 'approved') await publicContentChanged(req, context, [cacheTags.comments(String(relationId(doc.article)))])
  return doc
}
