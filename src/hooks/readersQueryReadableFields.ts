import {
  type CollectionBeforeOperationHook,
  type FlattenedField,
  type PayloadRequest,
  type SanitizedCollectionConfig,
} from 'payload'

import { isNewsroomUser } from '@/access/roles'
import { Refusal } from '@/lib/refusal'

const LOGICAL = new Set(['and', 'or', 'AND', 'OR'])
const VERSION_KEYS = new Set([
  'parent',
  'version',
  'latest',
  'snapshot',
  'autosave',
  'publishedLocale',
])

/** Every field path a `where` names, nested `and`/`or` included; `null` for a nested query. */
function wherePaths(where: unknown): string[] | null {
  if (!where || typeof where !== 'object') return []
  const paths: string[] = []
  for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
    if (LOGICAL.has(key)) {
      for (const part of Array.isArray(value) ? value : [value]) {
        const nested = wherePaths(part)
        if (nested === null) return null
        paths.push(...nested)
      }
      continue
    }
    // A query inside a relationship (`contains: { ... }`) names paths of another collection.
    const operands =
      value && typeof value === 'object' ? Object.values(value as Record<string, unknown>) : []
    if (
      operands.some(
        (operand) =>
          operand &&
          typeof operand === 'object' &&
          !Array.isArray(operand) &&
          !(operand instanceof Date),
      )
    ) {
      return null
    }
    paths.push(key)
  }
  return paths
}

/** The field paths of a sort (`-publishedAt,-id`, or a list of them). */
function sortPaths(sort: unknown): string[] {
  const parts = Array.isArray(sort) ? sort : typeof sort === 'string' ? [sort] : []
  return parts
    .flatMap((part) => String(part).split(','))
    .map((part) => part.trim().replace(/^[-+]/, ''))
    .filter(Boolean)
}

const allowedBy = async (access: unknown, req: PayloadRequest): Promise<boolean> => {
  if (typeof access !== 'function') return true
  return Boolean(await access({ req }))
}

/** Whether a reader may see the field at `segments`, through relationships and groups. */
async function readable(
  collection: SanitizedCollectionConfig,
  fields: FlattenedField[],
  segments: string[],
  req: PayloadRequest,
): Promise<boolean> {
  const [name, ...rest] = segments
  if ((name === 'id' || name === '_id') && rest.length === 0) return true
  const field = fields.find((candidate) => candidate.name === name)
  if (!field || ('hidden' in field && field.hidden)) return false
  if (!(await allowedBy(field.access?.read, req))) return false
  if (rest.length === 0) return true
  if (field.type === 'group' || field.type === 'tab')
    return readable(collection, field.flattenedFields, rest, req)
  if (
    (field.type === 'relationship' || field.type === 'upload') &&
    typeof field.relationTo === 'string'
  ) {
    if (rest.length === 1 && rest[0] === 'id') return true
    const related = req.payload.collections[field.relationTo]?.config
    if (!related || !(await allowedBy(related.access?.read, req))) return false
    return readable(related, related.flattenedFields, rest, req)
  }
  return false
}

/**
 * Readers (anyone outside the newsroom) filter and sort only by fields they can read, also
 * across relationships: `where[authors.sessions.id][exists]` or `sort=authors.hash` would
 * otherwise tell them about fields of accounts they cannot see. Anything else is a 400 with a
 * message, on REST and GraphQL alike. Reads Payload makes for itself (`overrideAccess`) and
 * the newsroom's own reads are left alone.
 */
export const readersQueryReadableFields: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation !== 'read' && operation !== 'count' && operation !== 'readDistinct') return args
  if (overrideAccess || isNewsroomUser(req.user)) return args
  const { where, sort } = args as { where?: unknown; sort?: unknown }
  const filtered = wherePaths(where)
  if (filtered === null) {
    throw new Refusal('Nach verschachtelten Abfragen können Sie nicht filtern oder sortieren.', 400)
  }
  for (const path of [...filtered, ...sortPaths(sort)]) {
    let segments = path.replace(/__/g, '.').split('.')
    if (
      VERSION_KEYS.has(segments[0]) &&
      !collection.flattenedFields.some((field) => field.name === segments[0])
    ) {
      // A query of the versions (findVersions reaches this hook as `read` too): readers who
      // may not read versions get Payload's 403; the others are checked on the document's fields.
      if (!(await allowedBy(collection.access?.readVersions, req))) continue
      if (segments[0] !== 'version') continue
      segments = segments.slice(1)
    }
    if (!(await readable(collection, collection.flattenedFields, segments, req))) {
      throw new Refusal(`Nach dem Feld „${path}“ können Sie nicht filtern oder sortieren.`, 400)
    }
  }
  return args
}
