import { type CollectionBeforeChangeHook } from 'payload'

import type { Role } from '@/access/roles'
import { Refusal } from '@/lib/refusal'
import { PUBLISH_RECORD_TEXT, resolveTransition, type WorkflowState } from '@/workflow/transitions'

/**
 * Applies the transition table to every save (admin, REST, GraphQL, Local API, bulk, restore).
 * What a publish means for the review (approved by publishing, published despite requested
 * changes) goes into the article's editorial notes, signed by the editor (stampEditorialNotes
 * runs next).
 */
export const applyWorkflow: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const user = req.user && req.user.collection === 'users' ? req.user : null
  const result = resolveTransition({
    role: (user?.role as Role | undefined) ?? null,
    from: originalDoc?.workflowStatus as WorkflowState | undefined,
    requested:
      data.workflowStatus === originalDoc?.workflowStatus ? undefined : data.workflowStatus,
    status: data._status === 'published' ? 'published' : 'draft',
    confirmed: data.publishDespiteChanges === true,
  })
  if (!result.ok) throw new Refusal(result.message, result.status)

  const next: Record<string, unknown> = { ...data, workflowStatus: result.state }
  if (result.state === 'in_review' && originalDoc?.workflowStatus !== 'in_review') {
    next.submittedAt = new Date().toISOString()
    next.submittedBy = user?.id ?? null
  }
  if (result.record) {
    const notes = data.editorialNotes ?? originalDoc?.editorialNotes ?? []
    next.editorialNotes = [
      ...(Array.isArray(notes) ? notes : []),
      { kind: 'approval', text: PUBLISH_RECORD_TEXT[result.record] },
    ]
  }
  return next
}
