import type { PayloadRequest } from 'payload'

import { isStaffUser } from './roles'

/**
 * Editors and admins may queue and run jobs; so may a scheduler (serverless cron) that sends
 * `Authorization: Bearer $CRON_SECRET` to `/api/payload-jobs/run`.
 */
export const canRunJobs = ({ req }: { req: PayloadRequest }): boolean => {
  if (isStaffUser(req.user)) return true
  const secret = process.env.CRON_SECRET
  return Boolean(secret) && req.headers.get('authorization') === `Bearer ${secret}`
}

export const canQueueJobs = ({ req }: { req: PayloadRequest }): boolean => isStaffUser(req.user)
