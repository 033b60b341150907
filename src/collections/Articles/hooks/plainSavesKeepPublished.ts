import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

/**
 * A save that does not publish never changes what readers see.
 *
 * Payload bases an update without `draft: true` on the newest version. When a draft sits on
 * top of a published article (an author's unreviewed text, say), a plain save such as
 * `PATCH /api/articles/:id {"commentsEnabled":false}` or GraphQL `updateArticle` without
 * `draft` would write that draft over the published article: the article turns into a draft
 * (readers get 404) and its main record holds text nobody reviewed. Such a save is therefore
 * a draft save: it lands on the pending draft, and readers keep the published article.
 *
 * Left alone: an explicit publish (`_status: 'published'`, which authors cannot send; an
 * editor's publish publishes the newest draft merged with the change), an explicit
 * `_status: 'draft'` (an unpublish), bulk updates (Payload bases those on the published
 * record, not on the newest draft) and articles without a pending draft.
 */
export const plainSavesKeepPublished: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'update' || args.draft === true) return args
  const id = (args as { id?: string | number }).id
  if (id === undefined || id === null) return args
  const data = args.data as { _status?: unknown } | undefined
  if (data && data._status !== undefined) return args
  if (!(await hasPendingDraft(req, id))) return args
  return { ...args, draft: true }
}

/** Whether the article is published and its newest version is a draft made after that. */
async function hasPendingDraft(req: PayloadRequest, id: string | number): Promise<boolean> {
  const article = await req.payload.db.findOne({
    collection: 'articles',
    where: { id: { equals: id } },
    select: { _status: true },
    req,
  })
  if ((article as { _status?: string } | null)?._status !== 'published') return false
  const { docs } = await req.payload.db.findVersions({
    collection: 'articles',
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
    req,
  })
  return (docs[0]?.version as { _status?: string } | undefined)?._status === 'draft'
}
