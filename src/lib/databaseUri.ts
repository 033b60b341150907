/** Hides the user info (user and password) of a URI in error messages. */
const redact = (uri: string) => uri.replace(/\/\/[^/]*@/, '//***@')

export const DEFAULT_SQLITE_URL = 'file:./data/cms.db'

export type DatabaseTarget =
  | { kind: 'sqlite'; url: string; filePath?: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'mongodb'; url: string }

/**
 * Reads `DATABASE_URI`: unset or `file:` → embedded SQLite, `postgres://` / `postgresql://` →
 * PostgreSQL, `mongodb://` / `mongodb+srv://` → MongoDB; anything else is a configuration error
 * that names the variable.
 */
export function parseDatabaseUri(uri: string | undefined): DatabaseTarget {
  const value = uri?.trim()
  if (!value) return { kind: 'sqlite', url: DEFAULT_SQLITE_URL, filePath: './data/cms.db' }
  if (value.startsWith('postgres://') || value.startsWith('postgresql://'))
    return { kind: 'postgres', url: value }
  if (value.startsWith('mongodb://') || value.startsWith('mongodb+srv://'))
    return { kind: 'mongodb', url: value }
  if (value.startsWith('file:')) {
    const filePath = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
    const inMemory = filePath === ':memory:' || filePath.startsWith(':memory:')
    return { kind: 'sqlite', url: value, filePath: inMemory || !filePath ? undefined : filePath }
  }
  throw new Error(
    `DATABASE_URI must be empty, a "file:" URL (SQLite, e.g. file:./data/cms.db), a "postgres://" / "postgresql://" URI or a "mongodb://" / "mongodb+srv://" URI; got "${redact(value)}".`,
  )
}

/**
 * Reads `DATABASE_READ_REPLICAS` (PostgreSQL only): comma-separated `postgres://` URIs the
 * adapter sends reads to; empty or unset → none.
 */
export function parseReadReplicas(value: string | undefined): string[] | undefined {
  const uris = (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  if (!uris.length) return undefined
  for (const uri of uris) {
    if (!uri.startsWith('postgres://') && !uri.startsWith('postgresql://')) {
      throw new Error(
        `DATABASE_READ_REPLICAS must be a comma-separated list of "postgres://" URIs; got "${redact(uri)}".`,
      )
    }
  }
  return uris
}

/** Reads `DATABASE_POOL_MAX` (PostgreSQL only): the most connections per instance; unset → pg's 10. */
export function parsePoolMax(value: string | undefined): number | undefined {
  const text = value?.trim()
  if (!text) return undefined
  const max = Number(text)
  if (!Number.isInteger(max) || max < 1) {
    throw new Error(`DATABASE_POOL_MAX must be a whole number of at least 1; got "${text}".`)
  }
  return max
}
