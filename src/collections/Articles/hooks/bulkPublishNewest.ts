import type { CollectionBeforeOperationHook } from 'payload'

/**
 * A bulk publish (`PATCH /api/articles?where…` with `_status: 'published'`) publishes each
 * article's newest version and meets the workflow rules in that version's state — as Payload's
 * own bulk publish in the list view does (it sends `draft=true`). Without `draft`, Payload bases
 * a bulk update on the published records: the review state there is stale (a request for
 * changes lives in the newest draft), so an editor could publish past it unasked. Bulk saves
 * that do not publish (an unpublish, an edit) are left as they are.
 */
export const bulkPublishNewest: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'update' || args.draft === true) return args
  if ((args as { id?: unknown }).id !== undefined) return args
  const data = args.data as { _status?: unknown } | undefined
  if (data?._status !== 'published') return args
  return { ...args, draft: true }
}
