import type { CollectionSlug, Payload, TypeWithVersion } from 'payload'

/**
 * Start-up repair (#15): a process killed while saving a draft can leave two versions of one
 * document marked `latest` — the database adapter inserts the new version and clears the old
 * flag in two statements (no transaction on SQLite), so a crash in between keeps both. The admin
 * would then open an older draft. This keeps the flag on the newest version of each document
 * only, in the order Payload itself reads versions (`-updatedAt`).
 *
 * Adapter-neutral (findVersions / updateVersion, no SQL). Runs from Payload's onInit for every
 * collection with drafts; costs one query per collection when nothing is wrong.
 */
export async function repairLatestVersions(
  payload: Payload,
  collections: CollectionSlug[] = draftCollections(payload),
): Promise<{ collection: CollectionSlug; parent: string; cleared: string[] }[]> {
  const repaired: { collection: CollectionSlug; parent: string; cleared: string[] }[] = []
  for (const collection of collections) {
    const { docs } = await payload.db.findVersions({
      collection,
      where: { latest: { equals: true } },
      sort: '-updatedAt',
      limit: 0,
      pagination: false,
      select: { parent: true, updatedAt: true, latest: true },
    })
    const seen = new Set<string>()
    const stale = new Map<string, { id: string; updatedAt: string }[]>()
    for (const version of docs as (TypeWithVersion<unknown> & { id: string | number })[]) {
      const parent = String(version.parent)
      if (!seen.has(parent)) {
        seen.add(parent)
        continue
      }
      stale.set(parent, [
        ...(stale.get(parent) ?? []),
        { id: String(version.id), updatedAt: version.updatedAt },
      ])
    }
    for (const [parent, versions] of stale) {
      for (const { id, updatedAt } of versions) {
        // updatedAt as it was: the adapters would stamp the moment, making this version the newest.
        const versionData = { latest: false, updatedAt } as never
        await payload.db.updateVersion({ collection, id, versionData, returning: false })
      }
      payload.logger.warn(
        `[versions] ${collection} ${parent}: ${versions.length} older version(s) no longer marked latest`,
      )
      repaired.push({ collection, parent, cleared: versions.map(({ id }) => id) })
    }
  }
  return repaired
}

function draftCollections(payload: Payload): CollectionSlug[] {
  return Object.values(payload.collections)
    .filter(({ config }) =>
      Boolean(config.versions && typeof config.versions === 'object' && config.versions.drafts),
    )
    .map(({ config }) => config.slug as CollectionSlug)
}
