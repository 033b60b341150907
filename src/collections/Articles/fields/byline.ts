import { createDataloaderCacheKey, type TextField } from 'payload'

import { relationId } from '@/lib/relationId'

/**
 * `byline` on articles (virtual, never stored): the names of the article's authors, in their
 * order, for the site's byline and JSON-LD. Readers may not read the users collection, so the
 * names are looked up as the system; nothing but the name of an article's own authors is given
 * out. Lookups go through Payload's request dataloader: one query for a whole list.
 */
export const bylineField: TextField = {
  name: 'byline',
  type: 'text',
  hasMany: true,
  virtual: true,
  label: { de: 'Autorenzeile', en: 'Byline' },
  admin: { hidden: true },
  hooks: {
    afterRead: [
      async ({ siblingData, req }) => {
        const authors = (siblingData as { authors?: unknown[] | null } | undefined)?.authors
        if (!Array.isArray(authors)) return null
        const ids = authors
          .map((author) => relationId(author))
          .filter((id): id is string => Boolean(id))
        const users = await Promise.all(
          ids.map((id) =>
            req.payloadDataLoader.load(
              createDataloaderCacheKey({
                collectionSlug: 'users',
                currentDepth: 0,
                depth: 0,
                docID: id,
                draft: false,
                fallbackLocale: req.fallbackLocale,
                locale: req.locale,
                overrideAccess: true,
                select: { name: true },
                showHiddenFields: false,
                transactionID: req.transactionID,
              } as Parameters<typeof createDataloaderCacheKey>[0]),
            ),
          ),
        )
        return users
          .map((user) => (user as { name?: string | null } | null)?.name?.trim())
          .filter((name): name is string => Boolean(name))
      },
    ],
  },
}
