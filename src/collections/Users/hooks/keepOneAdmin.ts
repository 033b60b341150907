import {
  type CollectionBeforeChangeHook,
  type CollectionBeforeDeleteHook,
  type PayloadRequest,
} from 'payload'
import { Refusal } from '@/lib/refusal'

/**
 * Admins a request is about to remove or demote. A bulk delete or update runs its documents'
 * hooks concurrently, so each hook must not count the others of the same request as remaining
 * admins; otherwise deleting all admins at once would pass every check. Kept in `req.context`,
 * which Payload hands on (copied, with the same Set) to every hook and nested call of the request.
 */
const LEAVING = 'adminsLeaving'

/**
 * Marks `id` as leaving and says whether another admin remains; a refused one is unmarked.
 * One whose write fails later for another reason stays marked for the rest of the request,
 * which can only refuse more, never less. Between separate requests the check is as good as
 * the database's isolation (SQLite here runs without transactions).
 */
async function anotherAdminRemains(req: PayloadRequest, id: number | string): Promise<boolean> {
  const leaving = (req.context[LEAVING] ??= new Set<string>()) as Set<string>
  leaving.add(String(id))
  const { totalDocs } = await req.payload.count({
    collection: 'users',
    overrideAccess: true,
    req,
    where: { and: [{ role: { equals: 'admin' } }, { id: { not_in: [...leaving] } }] },
  })
  if (totalDocs === 0) leaving.delete(String(id))
  return totalDocs > 0
}

/** An installation must never lose its last admin, neither by demotion… */
export const preventLastAdminDemotion: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (
    operation !== 'update' ||
    originalDoc?.role !== 'admin' ||
    !data.role ||
    data.role === 'admin'
  )
    return data
  if (!(await anotherAdminRemains(req, originalDoc.id))) {
    throw new Refusal('Der letzte Administrator kann nicht herabgestuft werden.', 400)
  }
  return data
}

/** …nor by deletion. */
export const preventLastAdminDeletion: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const user = await req.payload.findByID({
    collection: 'users',
    id,
    overrideAccess: true,
    req,
    depth: 0,
  })
  if (user?.role === 'admin' && !(await anotherAdminRemains(req, id))) {
    throw new Refusal('Der letzte Administrator kann nicht gelöscht werden.', 400)
  }
}
