import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { publicContentChanged } from '@/hooks/publicContentChanged'

/**
 * For collections readers see in full (`sources`: names in attributions and source pages;
 * `images`: alt texts and credit lines): every change or deletion is a public change.
 */
export function revalidateOnChange(tags: string[]): {
  afterChange: CollectionAfterChangeHook
  afterDelete: CollectionAfterDeleteHook
} {
  return {
    afterChange: async ({ doc, req, context }) => {
      await publicContentChanged(req, context, tags)
      return doc
    },
    afterDelete: async ({ doc, req, context }) => {
      await publicContentChanged(req, context, tags)
      return doc
    },
  }
}
