import { type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { isStaffUser } from '@/access/roles'
import { relationId } from '@/lib/relationId'
import { Refusal } from '@/lib/refusal'

/**
 * Authors never change what readers see: every save of theirs is a draft (Payload would
 * otherwise write an update without `draft: true` over the published document), and an
 * explicit publish is refused with a clear 403 on every entry point.
 *
 * Restoring a version is the one write whose mode a hook cannot change (Payload reads `draft`
 * before this hook runs): without `draft=true` the old version replaces the article itself, so
 * restoring an old draft would unpublish a published article. Authors get a 403 for that; the
 * REST endpoint the admin uses turns their restores into draft restores instead
 * (src/collections/Articles/endpoints/restoreVersion.ts).
 */
export const authorsSaveDrafts: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'restoreVersion')
    return args
  if (!req.user || isStaffUser(req.user) || args.overrideAccess) return args
  if (operation === 'restoreVersion') {
    if (args.draft !== true && (await restoresOverPublished(req, args.id))) {
      throw new Refusal(
        'Autoren können eine frühere Fassung eines veröffentlichten Artikels nur als Entwurf wiederherstellen.',
        403,
      )
    }
    return args
  }
  const data = args.data as { _status?: string } | undefined
  if (data?._status === 'published') {
    throw new Refusal(
      'Autoren dürfen Artikel nicht veröffentlichen; bitte zur Prüfung einreichen.',
      403,
    )
  }
  return { ...args, draft: true }
}

/** Whether the version belongs to an article whose own document is published. */
async function restoresOverPublished(req: PayloadRequest, versionId: unknown): Promise<boolean> {
  if (typeof versionId !== 'string' && typeof versionId !== 'number') return false
  const { docs } = await req.payload.db.findVersions({
    collection: 'articles',
    where: { id: { equals: versionId } },
    limit: 1,
    pagination: false,
    req,
  })
  const parentId = relationId(docs[0]?.parent)
  if (!parentId) return false // Payload answers 404 for an unknown version
  const article = await req.payload.db.findOne({
    collection: 'articles',
    where: { id: { equals: parentId } },
    select: { _status: true },
    req,
  })
  return (article as { _status?: string } | null)?._status === 'published'
}
