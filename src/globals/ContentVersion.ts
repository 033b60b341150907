import type { GlobalConfig, Payload } from 'payload'

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

/**
 * The current token. The anonymous response cache (src/lib/responseCache) reads it at most once
 * per event-loop turn; the read goes straight to the database adapter (one row, every adapter)
 * instead of through the full global operation with its hooks.
 */
export async function readContentVersion(payload: Payload): Promise<string> {
  const global = await payload.db.findGlobal({ slug: CONTENT_VERSION_SLUG })
  return (global as { token?: string | null } | null)?.token ?? 'initial'
}
