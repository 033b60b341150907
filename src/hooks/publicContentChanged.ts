import { randomUUID } from 'node:crypto'

import type { PayloadRequest, RequestContext } from 'payload'

import { CONTENT_VERSION_SLUG, readContentVersion } from '@/globals/ContentVersion'
import { announceChange, trackAnnouncement } from '@/lib/responseCache/changes'
import { revalidateTags } from '@/lib/revalidate'

/**
 * The one place that announces "something anonymous readers can see has changed", with the
 * cache tags (src/lib/revalidate.ts `cacheTags`) of what it touches:
 * - a new content version in the database (written after the change, in its transaction where
 *   there is one, so it can never run ahead of the data): instances without Redis learn from it
 *   that something changed and retire every cached anonymous answer;
 * - once the transaction is committed, the change with its tags to this process's response
 *   cache and, with `REDIS_URL`, by pub/sub to every instance's: they retire only the answers
 *   and pages carrying one of the tags (src/lib/responseCache/contentChanges.ts);
 * - the tags of the site's caches on this instance (Next.js).
 * Seeding skips only the tag expiry (no site is rendering yet); the content version always moves.
 */
export async function publicContentChanged(
  req: PayloadRequest,
  context: RequestContext,
  tags: string[],
): Promise<void> {
  // A fresh token rather than a counter: concurrent changes never need a read-modify-write.
  // Straight to the adapter: this hidden global has no hooks, versions or locks, and the full
  // operation cost four statements per change instead of two (every publish, every import).
  // `upsert` lets MongoDB create the row on the first change; the SQL adapters do that anyway.
  const token = randomUUID()
  await req.payload.db.updateGlobal({
    slug: CONTENT_VERSION_SLUG,
    data: { token },
    options: { upsert: true },
    req,
    returning: false,
  })
  await afterCommit(req, token, () => announceChange({ token, tags }))
  if (context.disableRevalidate) return
  await revalidateTags(tags, req).catch((error) =>
    req.payload.logger.error({ err: error, msg: `Revalidating ${tags.join(', ')} failed` }),
  )
}

/**
 * Runs `announce` once the change is committed, so no instance hears of it before it can read
 * it: at once without a transaction (SQLite, MongoDB without a replica set); in one, after
 * Payload has ended it (it commits after the afterChange hooks) and the new token is readable
 * outside it — checked through the adapter, so this holds for every database. The hook does
 * not wait for it; the API fast path sends a write's answer once it is done
 * (src/server/pipeline.ts, step 3), so this instance shows the change to the writer's next
 * request.
 */
async function afterCommit(
  req: PayloadRequest,
  token: string,
  announce: () => Promise<void>,
): Promise<void> {
  const transactionID = await req.transactionID
  const sessions = req.payload.db.sessions as Record<string, unknown> | undefined
  if (transactionID === undefined || !sessions?.[String(transactionID)]) return announce()
  void trackAnnouncement(async () => {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5))
    const deadline = Date.now() + 30_000
    while (sessions[String(transactionID)] && Date.now() < deadline) await pause()
    // Rolled back, or already replaced by a later change: announced anyway after a second.
    const seen = Date.now() + 1_000
    while (Date.now() < seen && (await readContentVersion(req.payload).catch(() => null)) !== token)
      await pause()
    await announce()
  })
}
