/**
 * The bench's temporary stores on the machine's servers: a PostgreSQL database made for one
 * run and dropped at its end, and the Redis keys of one run's prefix.
 */
import { Redis } from 'ioredis'
import pg from 'pg'

/** Runs one statement on the server's `postgres` database (`serverUrl` names no database). */
async function postgresAdmin(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/**
 * Creates the empty database `name` (lower-case letters, digits, `_`) on the server at
 * `serverUrl`; `drop()` removes it, closing connections still open (`WITH (FORCE)`).
 */
export async function createPostgresDatabase(serverUrl: string, name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`)
  await postgresAdmin(serverUrl, `CREATE DATABASE ${name}`)
  return {
    uri: `${serverUrl}/${name}`,
    drop: () => postgresAdmin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}

/** Throws unless Redis at `url` answers. */
export async function checkRedis(url: string) {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    lazyConnect: true,
    retryStrategy: () => null,
  })
  try {
    await redis.connect()
    await redis.ping()
  } finally {
    redis.disconnect()
  }
}

/** Deletes the keys starting with `prefix` (no glob characters in it); returns their number. */
export async function deleteRedisKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 })
  try {
    let deleted = 0
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 }) as AsyncIterable<
      string[]
    >) {
      if (keys.length) deleted += await redis.unlink(...keys)
    }
    return deleted
  } finally {
    redis.disconnect()
  }
}
