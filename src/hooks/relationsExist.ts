import {
  ValidationError,
  type CollectionBeforeValidateHook,
  type CollectionSlug,
  type Field,
} from 'payload'

import { relationId, wellFormedId } from '@/lib/relationId'

type Relation = { path: string[]; label: string; relationTo: CollectionSlug }

/**
 * Relationship and upload fields pointing at one collection: top-level ones (rows, unnamed tabs
 * included) and those in named groups and tabs (`meta.image`); not those in arrays or blocks.
 */
function relationsOf(fields: Field[], prefix: string[] = []): Relation[] {
  return fields.flatMap((field): Relation[] => {
    if (field.type === 'row' || field.type === 'collapsible')
      return relationsOf(field.fields, prefix)
    if (field.type === 'group')
      return relationsOf(
        field.fields,
        'name' in field && field.name ? [...prefix, field.name] : prefix,
      )
    if (field.type === 'tabs')
      return field.tabs.flatMap((tab) =>
        relationsOf(tab.fields, 'name' in tab && tab.name ? [...prefix, tab.name] : prefix),
      )
    if (
      (field.type === 'relationship' || field.type === 'upload') &&
      typeof field.relationTo === 'string'
    ) {
      const label =
        typeof field.label === 'object' && field.label
          ? (field.label as { de?: string }).de
          : undefined
      return [
        { path: [...prefix, field.name], label: label ?? field.name, relationTo: field.relationTo },
      ]
    }
    return []
  })
}

/**
 * Relationship values must name documents that exist: an unknown ID is a 400 naming the
 * field, before anything is written (the database would otherwise refuse the row half-way
 * through the save with a 500). Checks the fields the request sends.
 */
export const relationsExist: CollectionBeforeValidateHook = async ({ collection, data, req }) => {
  if (!data) return data
  const errors: { path: string; message: string }[] = []
  const validId = wellFormedId(req.payload.db as { name?: string; idType?: string })
  for (const relation of relationsOf(collection.fields)) {
    const value = relation.path.reduce<unknown>(
      (parent, key) =>
        parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[key] : undefined,
      data,
    )
    if (value === undefined || value === null) continue
    const values: unknown[] = Array.isArray(value) ? value : [value]
    const ids = values.map(relationId)
    const wellFormed = ids.every(
      (id, index) =>
        id !== undefined &&
        (typeof values[index] !== 'object' ||
          values[index] === null ||
          'id' in (values[index] as object)) &&
        validId(id as string),
    )
    let missing = !wellFormed
    if (wellFormed && ids.length > 0) {
      const unique = [...new Set(ids as string[])]
      const { totalDocs } = await req.payload.count({
        collection: relation.relationTo,
        where: { id: { in: unique } },
        overrideAccess: true,
        req,
      })
      missing = totalDocs !== unique.length
    }
    if (missing) {
      errors.push({
        path: relation.path.join('.'),
        message: `${relation.label}: Mindestens eine angegebene ID gibt es nicht. Bitte prüfen Sie die Auswahl.`,
      })
    }
  }
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors, req })
  return data
}
