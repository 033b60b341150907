import { type CollectionBeforeChangeHook } from 'payload'

import type { Role } from '@/access/roles'
import { Refusal } from '@/lib/refusal'
import {
  CHANGES_NEED_A_NOTE,
  historyEntry,
  resolveTransition,
  type WorkflowState,
} from '@/workflow/transitions'

type Note = { id?: string | null; kind?: string | null; text?: string | null }

/**
 * Applies the transition table to every save (admin, REST, GraphQL, Local API, bulk, restore).
 * Every move a signed-in user makes is written into the article's editorial notes — its
 * history, signed by stampEditorialNotes, which runs next: a submission, a request for changes
 * (its note is required: `workflowNote`, or a new note of that kind in the same save), an
 * approval, a publish (one from review counts as approval, one past requested changes says so).
 */
export const applyWorkflow: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const user = req.user && req.user.collection === 'users' ? req.user : null
  const from = originalDoc?.workflowStatus as WorkflowState | undefined
  const result = resolveTransition({
    role: (user?.role as Role | undefined) ?? null,
    from,
    requested: data.workflowStatus === from ? undefined : data.workflowStatus,
    status: data._status === 'published' ? 'published' : 'draft',
    confirmed: data.publishDespiteChanges === true,
  })
  if (!result.ok) throw new Refusal(result.message, result.status)

  const next: Record<string, unknown> = { ...data, workflowStatus: result.state }
  if (result.state === 'in_review' && from !== 'in_review') {
    next.submittedAt = new Date().toISOString()
    next.submittedBy = user?.id ?? null
  }
  if (!user) return next

  const stored: Note[] = Array.isArray(originalDoc?.editorialNotes)
    ? originalDoc.editorialNotes
    : []
  const notes: Note[] = Array.isArray(data.editorialNotes) ? data.editorialNotes : stored
  // Payload gives new rows their id before this hook: new is what was not stored.
  const storedIds = new Set(stored.map((note) => note.id))
  const written = notes.some(
    (note) => !storedIds.has(note.id) && note.kind === 'changes_requested' && note.text,
  )
  const note = typeof data.workflowNote === 'string' ? data.workflowNote.trim() : ''
  if (result.state === 'changes_requested' && from !== 'changes_requested' && !note && !written)
    throw new Refusal(CHANGES_NEED_A_NOTE)
  const entry = historyEntry(from, result.state, result.record, note || undefined)
  if (entry && !(written && entry.kind === 'changes_requested'))
    next.editorialNotes = [...notes, entry]
  return next
}
