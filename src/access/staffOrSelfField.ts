import type { FieldAccess } from 'payload'

import { relationId } from '@/lib/relationId'
import { isStaffUser } from './roles'

/**
 * Personal fields of an account (e-mail address, role): editors and admins read them for
 * everyone, everybody else only on their own account. Also decides who may filter or sort
 * by them (Payload asks without a document then, so only editors and admins may).
 */
export const staffOrSelfField: FieldAccess = ({ req: { user }, doc, id }) => {
  if (isStaffUser(user)) return true
  if (!user || user.collection !== 'users') return false
  const target = relationId(doc?.id ?? id)
  return target !== undefined && target === String(user.id)
}
