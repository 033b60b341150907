import type { Plugin } from 'payload'

import { discardUntouchedArticle } from '@/collections/Articles/endpoints/discardUntouched'

/**
 * Wires the discarding of untouched new articles (src/lib/articles/untouchedDraft.ts) into the
 * articles collection: the endpoint, and the edit view's component that calls it on leaving.
 * A plugin, so that the collection's own file stays as it is.
 */
export const discardUntouchedArticles: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    collection.slug !== 'articles'
      ? collection
      : {
          ...collection,
          endpoints: [...(collection.endpoints || []), discardUntouchedArticle],
          admin: {
            ...collection.admin,
            components: {
              ...collection.admin?.components,
              edit: {
                ...collection.admin?.components?.edit,
                beforeDocumentControls: [
                  ...(collection.admin?.components?.edit?.beforeDocumentControls ?? []),
                  '@/components/admin/DiscardUntouchedDraft#DiscardUntouchedDraft',
                ],
              },
            },
          },
        },
  ),
})
