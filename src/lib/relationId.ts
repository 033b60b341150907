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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const OBJECT_ID = /^[0-9a-f]{24}$/i
const SERIAL = /^[1-9][0-9]{0,15}$/

/**
 * Whether a string can be an ID of the database adapter in use: a UUID (our SQL adapters,
 * `idType: 'uuid'`), a MongoDB ObjectId, or a serial number. A value that is none cannot name a
 * document; PostgreSQL refuses to even compare it with an ID column.
 */
export function wellFormedId(db: { name?: string; idType?: string }): (id: string) => boolean {
  if (db.name === 'mongoose') return (id) => OBJECT_ID.test(id)
  if (db.idType === 'uuid') return (id) => UUID.test(id)
  if (db.idType === 'serial' || db.idType === 'number') return (id) => SERIAL.test(id)
  return () => true
}
