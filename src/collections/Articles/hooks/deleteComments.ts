import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * An article's comments go with it (as on the original site): they mean nothing without the
 * article, and the database refuses to keep a comment without one. Deleted in the same
 * transaction, so a failure leaves article and comments as they were.
 */
export const deleteComments: CollectionBeforeDeleteHook = async ({ id, req, context }) => {
  await req.payload.delete({
    collection: 'comments',
    where: { article: { equals: id } },
    overrideAccess: true,
    depth: 0,
    req,
    context,
  })
}
