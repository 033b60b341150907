import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * An article's comments go with it (as on the original site): they mean nothing without the
 * article, and the database refuses to keep a comment without one. Deleted in the request's
 * transaction: on MongoDB (replica set) a failure leaves article and comments as they were.
 * Payload's SQLite adapter runs without transactions (its default), so there a delete that
 * fails after this hook leaves the article without its comments.
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
