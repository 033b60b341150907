import type { StoredHeaders } from './policy'

export type Entry = {
  version: string
  headers: StoredHeaders
  body: Buffer
  /** `performance.now()` after which the entry is no longer served. */
  expiresAt: number
}

/**
 * The kept answers of one content version, least recently used first, within a byte budget.
 * Entries of any other version are never returned; moving to a new version drops them all.
 */
export class ResponseStore {
  private readonly entries = new Map<string, Entry>()
  private bytes = 0
  private version: string | null = null

  constructor(
    readonly maxBytes: number,
    readonly maxEntryBytes: number,
  ) {}

  get size(): number {
    return this.entries.size
  }

  get totalBytes(): number {
    return this.bytes
  }

  /** Drops everything kept for another version. */
  useVersion(version: string): void {
    if (version === this.version) return
    this.version = version
    this.entries.clear()
    this.bytes = 0
  }

  get(key: string, version: string, now = performance.now()): Entry | undefined {
    const entry = this.entries.get(key)
    if (!entry || entry.version !== version) return undefined
    if (entry.expiresAt <= now) {
      this.remove(key, entry)
      return undefined
    }
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry
  }

  /** Keeps the entry only when it belongs to the current version and fits the budget. */
  set(key: string, entry: Entry): boolean {
    if (entry.version !== this.version) return false
    const cost = sizeOf(entry)
    if (cost > this.maxEntryBytes || cost > this.maxBytes) return false
    const previous = this.entries.get(key)
    if (previous) this.remove(key, previous)
    this.entries.set(key, entry)
    this.bytes += cost
    for (const [oldestKey, oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.remove(oldestKey, oldest)
    }
    return true
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key)
    this.bytes -= sizeOf(entry)
  }
}

/** Bytes an entry holds, with an allowance for its key, object and map slot. */
function sizeOf(entry: Entry): number {
  let size = entry.body.byteLength + 512
  for (const [name, value] of Object.entries(entry.headers)) size += name.length + String(value).length
  return size
}
