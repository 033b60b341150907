import { ValidationError, type Block, type CollectionBeforeValidateHook, type Field } from 'payload'

type Problem = { path: string; message: string }

/** What is wrong with one text value, or `undefined`. */
export function textProblem(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') return 'Bitte geben Sie hier Text an.'
  return undefined
}

function checkFields(fields: Field[], data: unknown, prefix: string, problems: Problem[], blocks: Block[]): void {
  if (!data || typeof data !== 'object') return
  const record = data as Record<string, unknown>
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      checkFields(field.fields, data, prefix, problems, blocks)
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) checkFields(tab.fields, record[tab.name], `${prefix}${tab.name}.`, problems, blocks)
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
        const values = field.type === 'text' && field.hasMany && Array.isArray(value) ? value : [value]
        const message = values.map(textProblem).find(Boolean)
        if (message) problems.push({ path, message })
        break
      }
      case 'select':
      case 'radio': {
        const allowed = field.options.map((option) => (typeof option === 'string' ? option : option.value))
        const values = field.type === 'select' && field.hasMany && Array.isArray(value) ? value : [value]
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
          value.forEach((row, index) => checkFields(field.fields, row, `${path}.${index}.`, problems, blocks))
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
 * Every text field of a collection, nested ones included, holds text, and every select field
 * one of its options: anything else is a 400 naming the field. Runs for drafts too, which
 * Payload saves without its field validation (the database would otherwise refuse the row
 * half-way through the save, or store a value no one can choose).
 */
export const checkFieldValues: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  if (!data) return data
  const problems: Problem[] = []
  checkFields(collection.fields, data, '', problems, req.payload.config.blocks ?? [])
  if (problems.length > 0) throw new ValidationError({ collection: collection.slug, errors: problems, req })
  return data
}
