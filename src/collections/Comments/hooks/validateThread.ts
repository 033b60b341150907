import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

const idOf = (value: unknown): string | number | undefined => {
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: string | number }).id
  return (value as string | number | undefined) ?? undefined
}

/** A reply must belong to the same article as the comment it answers. */
export const validateThread: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  const parentId = idOf(data?.parent ?? originalDoc?.parent)
  if (!parentId) return data
  const articleId = idOf(data?.article ?? originalDoc?.article)
  const parent = await req.payload
    .findByID({ collection: 'comments', id: parentId, depth: 0, overrideAccess: true, req, disableErrors: true })
    .catch(() => null)
  if (!parent || idOf(parent.article) !== articleId) {
    throw new ValidationError({
      collection: 'comments',
      errors: [{ path: 'parent', message: 'Die Antwort muss zum selben Artikel gehören wie der beantwortete Kommentar.' }],
    })
  }
  return data
}
