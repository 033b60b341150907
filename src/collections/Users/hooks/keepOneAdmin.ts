import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeDeleteHook,
  type PayloadRequest,
} from 'payload'

const countOtherAdmins = async (req: PayloadRequest, id: number | string): Promise<number> => {
  const { totalDocs } = await req.payload.count({
    collection: 'users',
    overrideAccess: true,
    req,
    where: { and: [{ role: { equals: 'admin' } }, { id: { not_equals: id } }] },
  })
  return totalDocs
}

/** An installation must never lose its last admin, neither by demotion… */
export const preventLastAdminDemotion: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || originalDoc?.role !== 'admin' || !data.role || data.role === 'admin') return data
  if ((await countOtherAdmins(req, originalDoc.id)) === 0) {
    throw new APIError('Der letzte Administrator kann nicht herabgestuft werden.', 400, null, true)
  }
  return data
}

/** …nor by deletion. */
export const preventLastAdminDeletion: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const user = await req.payload.findByID({ collection: 'users', id, overrideAccess: true, req, depth: 0 })
  if (user?.role === 'admin' && (await countOtherAdmins(req, id)) === 0) {
    throw new APIError('Der letzte Administrator kann nicht gelöscht werden.', 400, null, true)
  }
}
