import { randomUUID } from 'node:crypto'

import type { Payload, PayloadRequest, RequestContext } from 'payload'

import { CONTENT_VERSION_SLUG } from '@/globals/ContentVersion'
import { revalidateTags } from '@/lib/revalidate'

/**
 * Read for the anonymous response cache (src/lib/responseCache) at most once per event-loop
 * turn, so it goes straight to the database adapter (one row, both adapters) instead of
 * through the full global operation with its hooks.
 */
export async function readContentVersion(payload: Payload): Promise<string> {
  const global = await payload.db.findGlobal({ slug: CONTENT_VERSION_SLUG })
  return (global as { token?: string | null } | null)?.token ?? 'initial'
}

/**
 * The one place that announces "something anonymous readers can see has changed":
 * a new content version (written after the change, in its transaction where there is one, so
 * it can never run ahead of the data) retires every cached anonymous answer (GraphQL and pages)
 * on every instance, and the site's cache tags expire the pages showing it. Seeding skips only
 * the tag expiry (no site is rendering yet); the content version always moves.
 */
export async function publicContentChanged(req: PayloadRequest, context: RequestContext, tags: string[]): Promise<void> {
  // A fresh token rather than a counter: concurrent changes never need a read-modify-write.
  // Straight to the adapter: this hidden global has no hooks, versions or locks, and the full
  // operation cost four statements per change instead of two (every publish, every import).
  // `upsert` lets MongoDB create the row on the first change; the SQL adapters do that anyway.
  await req.payload.db.updateGlobal({
    slug: CONTENT_VERSION_SLUG,
    data: { token: randomUUID() },
    options: { upsert: true },
    req,
    returning: false,
  })
  if (context.disableRevalidate) return
  await revalidateTags(tags, req).catch((error) =>
    req.payload.logger.error({ err: error, msg: `Revalidating ${tags.join(', ')} failed` }),
  )
}
