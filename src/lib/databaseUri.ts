export const DEFAULT_SQLITE_URL = 'file:./data/cms.db'

export type DatabaseTarget =
  | { kind: 'sqlite'; url: string; filePath?: string }
  | { kind: 'mongodb'; url: string }

/**
 * Reads `DATABASE_URI`: unset or `file:` → embedded SQLite, `mongodb://` / `mongodb+srv://` →
 * MongoDB; anything else is a configuration error that names the variable.
 */
export function parseDatabaseUri(uri: string | undefined): DatabaseTarget {
  const value = uri?.trim()
  if (!value) return { kind: 'sqlite', url: DEFAULT_SQLITE_URL, filePath: './data/cms.db' }
  if (value.startsWith('mongodb://') || value.startsWith('mongodb+srv://')) return { kind: 'mongodb', url: value }
  if (value.startsWith('file:')) {
    const filePath = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
    const inMemory = filePath === ':memory:' || filePath.startsWith(':memory:')
    return { kind: 'sqlite', url: value, filePath: inMemory || !filePath ? undefined : filePath }
  }
  throw new Error(
    `DATABASE_URI must be empty, a "file:" URL (SQLite, e.g. file:./data/cms.db) or a "mongodb://" / "mongodb+srv://" URI; got "${value.replace(/\/\/[^/]*@/, '//***@')}".`,
  )
}
