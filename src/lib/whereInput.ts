import type { FlattenedField } from 'payload'

/**
 * Checks the shape of a `where` before Payload hands it to the database adapter, which fails on
 * what it cannot bind (500): an operand nested in arrays (`where[title][equals][0][1]=x`), a
 * date that is none (`where[publishedAt][greater_than]=notadate`), a geo operator on a field
 * that holds no point, a value that is no ID of this database where an ID is compared
 * (PostgreSQL's uuid columns refuse `where[id][in]=x`). Returns the message for a 400, or null.
 * Paths it cannot resolve are left to Payload (it answers unknown paths itself).
 */
export type FieldsOf = (relationTo: string) => FlattenedField[] | undefined
/** Whether a string is an ID of the database in use (see `wellFormedId` in lib/relationId.ts). */
export type ValidId = (id: string) => boolean

const LOGICAL = new Set(['and', 'or', 'AND', 'OR'])
const OPERATORS = new Set([
  'equals',
  'contains',
  'not_equals',
  'in',
  'all',
  'not_in',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'within',
  'intersects',
  'near',
])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const DATE_OPERATORS = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])
const TEXT_OPERATORS = new Set(['like', 'not_like', 'contains'])
const MAX_DEPTH = 10

const isScalar = (value: unknown): boolean =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value) || value instanceof Date

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)

const isDate = (value: unknown): boolean =>
  value === null ||
  value instanceof Date ||
  (['string', 'number'].includes(typeof value) &&
    !Number.isNaN(new Date(value as string).getTime()))

/** The field at a dotted path, through groups, tabs and single-collection relationships. */
export function fieldAt(
  fields: FlattenedField[],
  path: string,
  fieldsOf: FieldsOf,
): FlattenedField | undefined {
  const [name, ...rest] = path.split('.')
  const field = fields.find((candidate) => candidate.name === name)
  if (!field || rest.length === 0) return field
  if ('flattenedFields' in field && Array.isArray(field.flattenedFields))
    return fieldAt(field.flattenedFields, rest.join('.'), fieldsOf)
  if (
    (field.type === 'relationship' || field.type === 'upload') &&
    typeof field.relationTo === 'string'
  ) {
    const related = fieldsOf(field.relationTo)
    return related ? fieldAt(related, rest.join('.'), fieldsOf) : undefined
  }
  return undefined
}

const isSingleRelation = (field: FlattenedField | undefined): boolean =>
  (field?.type === 'relationship' || field?.type === 'upload') &&
  typeof field.relationTo === 'string'

/**
 * Whether the path compares IDs: a document's own `id` (of this collection or, through a
 * relationship, of the related one) or a relationship to one collection. Array rows' `id`s are
 * text and not meant.
 */
export function comparesIds(fields: FlattenedField[], path: string, fieldsOf: FieldsOf): boolean {
  const field = fieldAt(fields, path, fieldsOf)
  if (isSingleRelation(field)) return true
  const segments = path.split('.')
  if (segments.at(-1) !== 'id' || (field && field.type !== 'text' && field.type !== 'number'))
    return false
  return (
    segments.length === 1 ||
    isSingleRelation(fieldAt(fields, segments.slice(0, -1).join('.'), fieldsOf))
  )
}

/** The values of a list operand, split at commas as Payload splits a string. */
const listOf = (operand: unknown): unknown[] =>
  Array.isArray(operand) ? operand : typeof operand === 'string' ? operand.split(',') : [operand]

/**
 * Where IDs are compared, what the SQL adapters cannot bind against a uuid column: a list
 * (`in`, `not_in`) holding anything but IDs, `not_like`, `contains` on a single relationship, and
 * `all` (implemented for no relationship). A single value in `equals`, `not_equals` or `like` is
 * left alone: Payload turns a non-ID there into "no value" (Payload's admin itself asks for
 * `id not_equals ''` to mean "all", and searches `id like …`).
 */
function idOperandError(
  path: string,
  operator: string,
  operand: unknown,
  field: FlattenedField | undefined,
  validId: ValidId,
): string | null {
  const hasMany = Boolean(field && 'hasMany' in field && field.hasMany)
  if (operator === 'not_like' || operator === 'all' || (operator === 'contains' && !hasMany))
    return `Der Operator „${operator}“ gilt nicht für IDs („${path}“).`
  if (!LIST_OPERATORS.has(operator)) return null
  const wrong = listOf(operand).find((value) => !(typeof value === 'string' && validId(value)))
  return wrong === undefined
    ? null
    : `Der Wert „${String(wrong).slice(0, 60)}“ für „${path}“ (${operator}) ist keine gültige ID.`
}

function operandError(
  path: string,
  operator: string,
  operand: unknown,
  field: FlattenedField | undefined,
  ids: boolean,
  validId: ValidId,
): string | null {
  const where = `„${path}“ (${operator})`
  if (GEO_OPERATORS.has(operator)) {
    return field?.type === 'point'
      ? null
      : `Der Operator „${operator}“ gilt nur für Geo-Felder, nicht für „${path}“.`
  }
  // The SQL adapters know `all` only for fields with several values (hasMany); a 500 otherwise.
  if (operator === 'all' && !(field && 'hasMany' in field && field.hasMany)) {
    return `Der Operator „all“ gilt nur für Felder mit mehreren Werten, nicht für „${path}“.`
  }
  // Text search on a date: the SQL adapters fail on it (500).
  if (TEXT_OPERATORS.has(operator) && field?.type === 'date') {
    return `Der Operator „${operator}“ gilt nicht für das Datumsfeld „${path}“.`
  }
  if (operator === 'exists') {
    return isScalar(operand) ? null : `Der Wert für ${where} muss true oder false sein.`
  }
  // A relationship to several collections is queried by `{ relationTo, value }`.
  if (
    (field?.type === 'relationship' || field?.type === 'upload') &&
    Array.isArray(field.relationTo)
  )
    return null
  const values = LIST_OPERATORS.has(operator) && Array.isArray(operand) ? operand : [operand]
  if (!values.every(isScalar))
    return `Der Wert für ${where} muss ein einzelner Wert sein, keine Liste oder Struktur.`
  if (ids) return idOperandError(path, operator, operand, field, validId)
  if (field?.type === 'date' && DATE_OPERATORS.has(operator)) {
    const dates =
      typeof operand === 'string' && LIST_OPERATORS.has(operator) ? operand.split(',') : values
    if (!dates.every(isDate)) return `Der Wert für ${where} ist kein gültiges Datum.`
  }
  return null
}

export function whereInputError(
  where: unknown,
  fields: FlattenedField[],
  fieldsOf: FieldsOf,
  validId: ValidId = () => true,
  depth = 0,
): string | null {
  if (where === undefined || where === null) return null
  if (!isPlainObject(where) || depth > MAX_DEPTH)
    return 'Die Bedingung „where“ ist ungültig aufgebaut.'
  for (const [key, value] of Object.entries(where)) {
    if (LOGICAL.has(key)) {
      const parts = Array.isArray(value)
        ? value
        : isPlainObject(value)
          ? Object.values(value)
          : [value]
      for (const part of parts) {
        // Payload fails on a missing condition in a list (`AND: [null]`: 500).
        if (!isPlainObject(part)) return `Jede Bedingung in „${key}“ muss ein Objekt sein.`
        const message = whereInputError(part, fields, fieldsOf, validId, depth + 1)
        if (message) return message
      }
      continue
    }
    if (!isPlainObject(value))
      return `Die Bedingung für „${key}“ braucht einen Operator, z. B. where[${key}][equals]=….`
    const field = fieldAt(fields, key, fieldsOf)
    const ids = comparesIds(fields, key, fieldsOf)
    for (const [operator, operand] of Object.entries(value)) {
      if (!OPERATORS.has(operator)) return `Unbekannter Operator „${operator}“ für „${key}“.`
      const message = operandError(key, operator, operand, field, ids, validId)
      if (message) return message
    }
  }
  return null
}
