import type { StoredHeaders } from './policy'
import { ANY_CHANGE, touches } from './tags'

export type Entry = {
  /** The generation it was kept under (src/lib/responseCache/contentChanges.ts). */
  version: number | string
  /** Cache tags of what it shows (src/lib/responseCache/tags.ts). */
  tags: string[]
  headers: StoredHeaders
  body: Buffer
  /** `performance.now()` after which the entry is no longer served. */
  expiresAt: number
}

/**
 * The kept answers of one generation, least recently used first, within a byte budget.
 * Entries of any other generation are never returned; moving to a new one drops them all.
 * `retire` drops the entries a change touches, by their tags.
 */
export class ResponseStore {
  private readonly entries = new Map<string, Entry>()
  private readonly byTag = new Map<string, Set<string>>()
  private bytes = 0
  private version: number | string | null = null

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
  useVersion(version: number | string): void {
    if (version === this.version) return
    this.version = version
    this.clear()
  }

  clear(): void {
    this.entries.clear()
    this.byTag.clear()
    this.bytes = 0
  }

  /** Drops every entry a change of these tags touches (see `touches`). */
  retire(changed: ReadonlySet<string>): void {
    if (touches([], changed)) return this.clear()
    const keys = new Set<string>()
    for (const tag of [...changed, ANY_CHANGE])
      for (const key of this.byTag.get(tag) ?? []) keys.add(key)
    for (const key of keys) {
      const entry = this.entries.get(key)
      if (entry) this.remove(key, entry)
    }
  }

  get(key: string, version: number | string, now = performance.now()): Entry | undefined {
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
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag)
      if (!keys) this.byTag.set(tag, (keys = new Set()))
      keys.add(key)
    }
    this.bytes += cost
    for (const [oldestKey, oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.remove(oldestKey, oldest)
    }
    return true
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key)
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag)
      keys?.delete(key)
      if (keys?.size === 0) this.byTag.delete(tag)
    }
    this.bytes -= sizeOf(entry)
  }
}

/** Bytes an entry holds, with an allowance for its key, object and map slot. */
function sizeOf(entry: Entry): number {
  let size = entry.body.byteLength + 512
  for (const [name, value] of Object.entries(entry.headers))
    size += name.length + String(value).length
  return size
}
