/**
 * The id behind a relationship value, whether Payload handed over the bare id, a populated
 * document (`{ id }`), a polymorphic value (`{ value }`) or a raw MongoDB ObjectId.
 */
export function relationId(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'object') {
    if (typeof (value as { toHexString?: unknown }).toHexString === 'function')
      return (value as { toHexString(): string }).toHexString()
    const inner =
      (value as { id?: unknown; value?: unknown }).id ?? (value as { value?: unknown }).value
    return inner === undefined || inner === null || inner === '' ? undefined : String(inner)
  }
  return String(value)
}
