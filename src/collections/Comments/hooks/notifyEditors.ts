import type { CollectionAfterChangeHook } from 'payload'

import { notifyPendingComment } from '@/comments/notify'
import { loadCommentSettings } from '@/comments/settings'
import { relationId } from '@/lib/relationId'

/** A reader's new comment waits for moderation: tell the editors (batched, never blocking the post). */
export const notifyEditorsOfPending: CollectionAfterChangeHook = async ({
  doc,
  operation,
  req,
  context,
}) => {
  if (operation !== 'create' || doc.status !== 'pending' || doc.byStaff || context.seeding)
    return doc
  try {
    const settings = await loadCommentSettings(req.payload, req)
    if (settings.notifyEditors) {
      notifyPendingComment(req.payload, {
        id: String(doc.id),
        article: String(relationId(doc.article)),
        authorName: doc.authorName,
        body: doc.body,
      })
    }
  } catch (error) {
    req.payload.logger.error({
      err: error,
      msg: `Could not queue the email about comment ${doc.id}`,
    })
  }
  return doc
}
