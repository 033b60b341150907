import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { revalidateTags } from '@/lib/revalidate'

/**
 * Expires the site's cache tags whenever a document of this collection changes or goes away,
 * e.g. `sources` (names in attributions, source pages) or `images` (alt text, credit lines).
 * Skipped when `context.disableRevalidate` is set (seed import), and for new documents when
 * `onCreate` is false (a new picture is on no page yet).
 */
export function revalidateOnChange(
  tags: string[],
  { onCreate = true }: { onCreate?: boolean } = {},
): {
  afterChange: CollectionAfterChangeHook
  afterDelete: CollectionAfterDeleteHook
} {
  const expire = async (req: Parameters<CollectionAfterChangeHook>[0]['req'], what: string) =>
    revalidateTags(tags).catch((error) => req.payload.logger.error({ err: error, msg: `Revalidation after ${what} failed` }))
  return {
    afterChange: async ({ doc, req, context, collection, operation }) => {
      if (!context.disableRevalidate && (onCreate || operation !== 'create')) await expire(req, `${collection.slug} change`)
      return doc
    },
    afterDelete: async ({ doc, req, context, collection }) => {
      if (!context.disableRevalidate) await expire(req, `${collection.slug} delete`)
      return doc
    },
  }
}
