/**
 * Parsed GraphQL documents by query text, least recently used dropped first. Texts longer than
 * `maxQueryLength` are parsed every time, so a client sending ever-new huge queries cannot fill
 * memory; a text that fails to parse is never kept (the error is thrown each time).
 */
export class DocumentCache<Document> {
  private readonly entries = new Map<string, Document>()

  constructor(private readonly limits: { maxEntries: number; maxQueryLength: number }) {}

  get(query: string, parse: (query: string) => Document): Document {
    if (query.length > this.limits.maxQueryLength) return parse(query)
    const cached = this.entries.get(query)
    if (cached !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.entries.delete(query)
      this.entries.set(query, cached)
      return cached
    }
    const document = parse(query)
    this.entries.set(query, document)
    if (this.entries.size > this.limits.maxEntries)
      this.entries.delete(this.entries.keys().next().value!)
    return document
  }

  get size(): number {
    return this.entries.size
  }
}
