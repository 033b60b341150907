import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { publicContentChanged } from '@/hooks/publicContentChanged'
import { cacheTags } from '@/lib/revalidate'
import { relationId } from '@/lib/relationId'

/**
 * What readers see change with an approved comment: its article's page (`article:<slug>`), the
 * site's data of that article's comments, and GraphQL answers reading `Comments` — not the
 * pages of other articles, nor the lists.
 */
async function commentChangeTags(req: PayloadRequest, article: unknown): Promise<string[]> {
  const articleId = relationId(article)
  const tags: string[] = [cacheTags.comments]
  if (!articleId) return tags
  tags.push(cacheTags.articleComments(articleId))
  const shown = await req.payload.findByID({
    collection: 'articles',
    id: articleId,
    select: { slug: true },
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (shown?.slug) tags.push(cacheTags.article(shown.slug))
  return tags
}

/**
 * Approving or un-approving a comment, or editing what readers see of an approved one (its
 * text, its author's name), changes the site.
 */
export const revalidateChangedComment: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  req,
  context,
}) => {
  const visibilityChanged = (doc.status === 'approved') !== (previousDoc?.status === 'approved')
  const visibleTextChanged =
    doc.status === 'approved' &&
    previousDoc &&
    (doc.body !== previousDoc.body || doc.authorName !== previousDoc.authorName)
  if (visibilityChanged || visibleTextChanged)
    await publicContentChanged(req, context, await commentChangeTags(req, doc.article))
  return doc
}

export const revalidateDeletedComment: CollectionAfterDeleteHook = async ({
  doc,
  req,
  context,
}) => {
  if (doc.status === 'approved')
    await publicContentChanged(req, context, await commentChangeTags(req, doc.article))
  return doc
}
