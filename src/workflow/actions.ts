import type { Role } from '@/access/roles'
import { resolveTransition, WORKFLOW_LABELS, type WorkflowState } from './transitions'

/**
 * The workflow as the admin offers it: the actions a signed-in user may take on an article in
 * a given state, and one line that says what readers see and what is pending. Derived from the
 * transition table (transitions.ts), so the admin offers exactly the moves the server accepts
 * (tests/unit/workflow-actions.test.ts checks both ways). Publishing and scheduling stay
 * Payload's own buttons; these actions save a draft with a new review state.
 */
export type WorkflowAction = {
  id: 'submit' | 'request_changes' | 'approve' | 'back_to_draft'
  to: WorkflowState
  label: string
  /** What the toast says when the server has accepted it. */
  done: string
  /** The action needs a note for the author (sent as `workflowNote`). */
  needsNote: boolean
}

const ACTIONS: WorkflowAction[] = [
  {
    id: 'submit',
    to: 'in_review',
    label: 'Zur Prüfung einreichen',
    done: 'Zur Prüfung eingereicht. Die Redaktion wurde benachrichtigt.',
    needsNote: false,
  },
  {
    id: 'request_changes',
    to: 'changes_requested',
    label: 'Änderungen anfordern',
    done: 'Änderungen angefordert. Die Autorin oder der Autor wurde benachrichtigt.',
    needsNote: true,
  },
  {
    id: 'approve',
    to: 'approved',
    label: 'Freigeben',
    done: 'Freigegeben. Der Text kann jetzt veröffentlicht werden.',
    needsNote: false,
  },
  {
    id: 'back_to_draft',
    to: 'draft',
    label: 'Zurück in den Entwurf',
    done: 'Zurück in den Entwurf gesetzt.',
    needsNote: false,
  },
]

/** Which moves make sense from a state (the server would accept more for editors, e.g. draft → draft). */
const SENSIBLE_FROM: Record<WorkflowAction['id'], WorkflowState[]> = {
  submit: ['draft', 'changes_requested', 'approved', 'published'],
  request_changes: ['in_review', 'approved'],
  approve: ['in_review'],
  back_to_draft: ['in_review', 'changes_requested', 'approved'],
}

/** The review actions `role` may take on an article whose newest version is in `state`. */
export function workflowActions(role: Role | null | undefined, state: WorkflowState | undefined) {
  if (!role) return []
  const current = state ?? 'draft'
  return ACTIONS.filter((action) => {
    if (!SENSIBLE_FROM[action.id].includes(current)) return false
    // An editor does not submit to themselves; authors submit.
    if (action.id === 'submit' && role !== 'author') return false
    const result = resolveTransition({ role, from: current, requested: action.to, status: 'draft' })
    return result.ok && result.state === action.to
  })
}

/**
 * One line for the status of an article: what readers see (online or not) and what is pending
 * in the newest version. `online`: a published version is what readers get now.
 */
export function statusLine({
  online,
  state,
  pendingChanges,
}: {
  online: boolean
  state: WorkflowState | undefined
  /** The newest version is a draft on top of the published one. */
  pendingChanges: boolean
}): string {
  const current = state ?? 'draft'
  if (!online) return `Offline · ${WORKFLOW_LABELS[current === 'published' ? 'draft' : current].de}`
  if (!pendingChanges || current === 'published') return 'Online'
  const pending: Record<Exclude<WorkflowState, 'published'>, string> = {
    draft: 'Änderungen im Entwurf',
    in_review: 'Änderungen in Prüfung',
    changes_requested: 'Änderungen erbeten',
    approved: 'Änderungen freigegeben',
  }
  return `Online · ${pending[current]}`
}
