import type { GlobalConfig } from 'payload'

export const CONTENT_VERSION_SLUG = 'content-version'

/**
 * A token that changes whenever something anonymous readers can see changes. It lives in the
 * database, so every server instance sees a change at once, and it is written after the change
 * itself (from afterChange/afterDelete hooks; in the same transaction where the adapter uses one,
 * as MongoDB on a replica set does), so it can never run ahead of the data it describes.
 * The anonymous response cache keys its entries by it (src/lib/responseCache).
 */
export const ContentVersion: GlobalConfig = {
  slug: CONTENT_VERSION_SLUG,
  admin: { hidden: true },
  access: { read: () => false, update: () => false },
  graphQL: false,
  fields: [{ name: 'token', type: 'text' }],
}
