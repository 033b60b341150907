import type { Payload } from 'payload'

import { redisKeyPrefix, sharedRedis } from '../redis'

const KV_COLLECTION = 'payload-kv'

/**
 * True for exactly one caller per `key`, across every instance sharing the database (or Redis):
 * an atomic "insert if absent" — Redis `SET NX` with `REDIS_URL`, else a row in Payload's
 * key-value collection, whose `key` is unique on every adapter (the database refuses the second
 * insert). Without either (a key-value adapter elsewhere and no Redis) there is nothing shared
 * to claim in, and every caller gets true.
 */
export async function claimOnce(
  payload: Payload,
  key: string,
  ttlSeconds = 7 * 24 * 3600,
): Promise<boolean> {
  const redis = sharedRedis()
  if (redis)
    return (
      (await redis.set(`${redisKeyPrefix()}claim:${key}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK'
    )
  if (!payload.collections[KV_COLLECTION as never]) return true
  try {
    await payload.db.create({
      collection: KV_COLLECTION,
      data: { key: `claim:${key}`, data: { at: new Date().toISOString() } },
    })
    return true
  } catch (error) {
    // Someone else's row: the claim is theirs. Anything else is a real failure.
    const existing = await payload.db.findOne({
      collection: KV_COLLECTION,
      where: { key: { equals: `claim:${key}` } },
    })
    if (existing) return false
    throw error
  }
}

/** Forgets a claim kept in the database (Redis claims expire by themselves). */
export async function releaseClaim(payload: Payload, key: string): Promise<void> {
  if (sharedRedis() || !payload.collections[KV_COLLECTION as never]) return
  await payload.db
    .deleteOne({ collection: KV_COLLECTION, where: { key: { equals: `claim:${key}` } } })
    .catch(() => undefined)
}
