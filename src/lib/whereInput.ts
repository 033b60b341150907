import type { FlattenedField } from 'payload'

/**
 * Checks the shape of a `where` before Payload hands it to the database adapter, which fails on
 * what it cannot bind (500): an operand nested in arrays (`where[title][equals][0][1]=x`), a
 * date that is none (`where[publishedAt][greater_than]=notadate`), a geo operator on a field
 * that holds no point. Returns the message for a 400, or null. Paths it cannot resolve are left
 * to Payload (it answers unknown paths itself).
 */
export type FieldsOf = (relationTo: string) => FlattenedField[] | undefined

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

function operandError(
  path: string,
  operator: string,
  operand: unknown,
  field: FlattenedField | undefined,
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
        const message = whereInputError(part, fields, fieldsOf, depth + 1)
        if (message) return message
      }
      continue
    }
    if (!isPlainObject(value))
      return `Die Bedingung für „${key}“ braucht einen Operator, z. B. where[${key}][equals]=….`
    const field = fieldAt(fields, key, fieldsOf)
    for (const [operator, operand] of Object.entries(value)) {
      if (!OPERATORS.has(operator)) return `Unbekannter Operator „${operator}“ für „${key}“.`
      const message = operandError(key, operator, operand, field)
      if (message) return message
    }
  }
  return null
}
