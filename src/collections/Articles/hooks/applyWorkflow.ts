import { type CollectionBeforeChangeHook } from 'payload'

import type { Role } from '@/access/roles'
import { resolveTransition, type WorkflowState } from '@/workflow/transitions'
import { Refusal } from '@/lib/refusal'

/** Applies the transition table to every save (admin, REST, GraphQL, Local API, bulk, restore). */
export const applyWorkflow: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const user = req.user && req.user.collection === 'users' ? req.user : null
  const result = resolveTransition({
    role: (user?.role as Role | undefined) ?? null,
    from: originalDoc?.workflowStatus as WorkflowState | undefined,
    requested:
      data.workflowStatus === originalDoc?.workflowStatus ? undefined : data.workflowStatus,
    status: data._status === 'published' ? 'published' : 'draft',
  })
  if (!result.ok) throw new Refusal(result.message, result.status)

  const next: Record<string, unknown> = { ...data, workflowStatus: result.state }
  if (result.state === 'in_review' && originalDoc?.workflowStatus !== 'in_review') {
    next.submittedAt = new Date().toISOString()
    next.submittedBy = user?.id ?? null
  }
  return next
}
