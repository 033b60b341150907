import type { CollectionBeforeChangeHook } from 'payload'

/** The very first account of a fresh installation is the admin, whatever was sent. */
export const firstUserBecomesAdmin: CollectionBeforeChangeHook = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (totalDocs === 0) return { ...data, role: 'admin' }
  return data
}
