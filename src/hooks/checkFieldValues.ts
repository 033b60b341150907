import {
  ValidationError,
  type Block,
  type CollectionBeforeValidateHook,
  type Field,
  type GlobalBeforeValidateHook,
  type PayloadRequest,
} from 'payload'

type Problem = { path: string; message: string }

const NUL_MESSAGE =
  'Der Text enthält ein unzulässiges Steuerzeichen (NUL, \\u0000). Bitte entfernen Sie es.'

/** What is wrong with one text value, or `undefined`. */
function textProblem(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') return 'Bitte geben Sie hier Text an.'
  // SQLite would cut the text off at a NUL byte, PostgreSQL refuses it: never store one.
  if (value.includes('\u0000')) return NUL_MESSAGE
  return undefined
}

/** Whether any string inside a structured value (rich text, JSON) holds a NUL byte. */
function hasNulDeep(value: unknown, depth = 0): boolean {
  if (depth > 200) return false
  if (typeof value === 'string') return value.includes('\u0000')
  if (Array.isArray(value)) return value.some((entry) => hasNulDeep(entry, depth + 1))
  if (value && typeof value === 'object') {
    return Object.entries(value).some(
      ([key, entry]) => key.includes('\u0000') || hasNulDeep(entry, depth + 1),
    )
  }
  return false
}

const isValidDate = (value: unknown): boolean =>
  (value instanceof Date || typeof value === 'string' || typeof value === 'number') &&
  !Number.isNaN(new Date(value).getTime())

function checkFields(
  fields: Field[],
  data: unknown,
  prefix: string,
  problems: Problem[],
  blocks: Block[],
): void {
  if (!data || typeof data !== 'object') return
  const record = data as Record<string, unknown>
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      checkFields(field.fields, data, prefix, problems, blocks)
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name)
          checkFields(tab.fields, record[tab.name], `${prefix}${tab.name}.`, problems, blocks)
        else checkFields(tab.fields, data, prefix, problems, blocks)
      }
      continue
    }
    if (!('name' in field) || !field.name) {
      if (field.type === 'group') checkFields(field.fields, data, prefix, problems, blocks)
      continue
    }
    const value = record[field.name]
    const path = `${prefix}${field.name}`
    if (value === undefined || value === null) continue
    switch (field.type) {
      case 'text':
      case 'textarea':
      case 'email': {
        const values =
          field.type === 'text' && field.hasMany && Array.isArray(value) ? value : [value]
        const message = values.map(textProblem).find(Boolean)
        if (message) problems.push({ path, message })
        break
      }
      case 'date':
        // An invalid date is stored as it is and then fails every read of the row (500).
        if (!isValidDate(value))
          problems.push({ path, message: 'Bitte geben Sie ein gültiges Datum an.' })
        break
      case 'checkbox':
        // PostgreSQL refuses anything but a boolean in the row (500); SQLite stored it as it was.
        if (typeof value !== 'boolean')
          problems.push({ path, message: 'Bitte geben Sie hier ja oder nein an (true/false).' })
        break
      case 'number': {
        const values = field.hasMany && Array.isArray(value) ? value : [value]
        if (values.some((entry) => typeof entry !== 'number' || !Number.isFinite(entry)))
          problems.push({ path, message: 'Bitte geben Sie hier eine Zahl an.' })
        break
      }
      case 'richText':
      case 'json':
        if (hasNulDeep(value)) problems.push({ path, message: NUL_MESSAGE })
        break
      case 'select':
      case 'radio': {
        const allowed = field.options.map((option) =>
          typeof option === 'string' ? option : option.value,
        )
        const values =
          field.type === 'select' && field.hasMany && Array.isArray(value) ? value : [value]
        if (values.some((entry) => !allowed.includes(entry as string))) {
          problems.push({ path, message: 'Bitte wählen Sie einen der angebotenen Werte.' })
        }
        break
      }
      case 'group':
        checkFields(field.fields, value, `${path}.`, problems, blocks)
        break
      case 'array':
        if (Array.isArray(value)) {
          value.forEach((row, index) =>
            checkFields(field.fields, row, `${path}.${index}.`, problems, blocks),
          )
        }
        break
      case 'blocks':
        if (Array.isArray(value)) {
          value.forEach((row, index) => {
            const type = (row as { blockType?: unknown } | null)?.blockType
            const block =
              field.blocks.find((candidate) => candidate.slug === type) ??
              blocks.find((candidate) => candidate.slug === type)
            if (block) checkFields(block.fields, row, `${path}.${index}.`, problems, blocks)
          })
        }
        break
    }
  }
}

/**
 * Every text field of a collection, nested ones included, holds text, every date field (the
 * timestamps included) a date, every checkbox a boolean, every number a finite number and every
 * select field one of its options: anything else is a 400 naming the field. Runs for drafts too, which
 * Payload saves without its field validation (the database would otherwise refuse the row
 * half-way through the save, or store a value no one can choose).
 */
export const checkFieldValues: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  if (data) check(collection.fields, data, req, { collection: collection.slug })
  return data
}

/** The same for a global's fields. */
export const checkGlobalFieldValues: GlobalBeforeValidateHook = ({ data, global, req }) => {
  if (data) check(global.fields, data, req, { global: global.slug })
  return data
}

function check(
  fields: Field[],
  data: unknown,
  req: PayloadRequest,
  entity: { collection?: string; global?: string },
) {
  const problems: Problem[] = []
  checkFields(fields, data, '', problems, req.payload.config.blocks ?? [])
  if (problems.length > 0) throw new ValidationError({ ...entity, errors: problems, req })
}
