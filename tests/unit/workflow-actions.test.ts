import { describe, expect, it } from 'vitest'

import { ROLES, type Role } from '@/access/roles'
import { statusLine, workflowActions } from '@/workflow/actions'
import { resolveTransition, WORKFLOW_STATES, type WorkflowState } from '@/workflow/transitions'

const ids = (role: Role, state: WorkflowState) => workflowActions(role, state).map((a) => a.id)

describe('workflowActions', () => {
  it('offers authors the submission, from a draft, from changes requested and on a live text', () => {
    expect(ids('author', 'draft')).toEqual(['submit'])
    expect(ids('author', 'changes_requested')).toEqual(['submit'])
    expect(ids('author', 'published')).toEqual(['submit'])
    expect(ids('author', 'in_review')).toEqual([])
    expect(ids('author', 'approved')).toEqual(['submit'])
  })

  it('offers editors the review moves, with a note required for a request for changes', () => {
    for (const role of ['editor', 'admin'] as const) {
      expect(ids(role, 'in_review')).toEqual(['request_changes', 'approve', 'back_to_draft'])
      expect(ids(role, 'approved')).toEqual(['request_changes', 'back_to_draft'])
      expect(ids(role, 'changes_requested')).toEqual(['back_to_draft'])
      expect(ids(role, 'draft')).toEqual([])
    }
    const request = workflowActions('editor', 'in_review').find((a) => a.id === 'request_changes')
    expect(request).toMatchObject({ needsNote: true, label: 'Änderungen anfordern' })
  })

  it('offers nothing without a signed-in role', () => {
    expect(workflowActions(null, 'draft')).toEqual([])
    expect(workflowActions(undefined, 'in_review')).toEqual([])
  })

  it('offers only moves the server accepts, for every role and state', () => {
    for (const role of ROLES) {
      for (const state of WORKFLOW_STATES) {
        for (const action of workflowActions(role, state)) {
          const result = resolveTransition({
            role,
            from: state,
            requested: action.to,
            status: 'draft',
          })
          expect(result, `${role} ${state} ${action.id}`).toEqual({ ok: true, state: action.to })
        }
      }
    }
  })

  it('an author is offered every move the server lets an author make to another state', () => {
    for (const from of WORKFLOW_STATES) {
      for (const to of WORKFLOW_STATES) {
        const result = resolveTransition({ role: 'author', from, requested: to, status: 'draft' })
        const base = from === 'published' ? 'draft' : from
        if (result.ok && to !== base && result.state === to)
          expect(
            workflowActions('author', from).map((a) => a.to),
            `${from} → ${to}`,
          ).toContain(to)
      }
    }
  })
})

describe('statusLine', () => {
  it('says what readers see and what is pending', () => {
    expect(statusLine({ online: true, state: 'published', pendingChanges: false })).toBe('Online')
    expect(statusLine({ online: true, state: 'in_review', pendingChanges: true })).toBe(
      'Online · Änderungen in Prüfung',
    )
    expect(statusLine({ online: true, state: 'draft', pendingChanges: true })).toBe(
      'Online · Änderungen im Entwurf',
    )
    expect(statusLine({ online: true, state: 'changes_requested', pendingChanges: true })).toBe(
      'Online · Änderungen erbeten',
    )
    expect(statusLine({ online: false, state: 'in_review', pendingChanges: false })).toBe(
      'Offline · In Prüfung',
    )
    expect(statusLine({ online: false, state: undefined, pendingChanges: false })).toBe(
      'Offline · Entwurf',
    )
    expect(statusLine({ online: false, state: 'published', pendingChanges: false })).toBe(
      'Offline · Entwurf',
    )
  })
})
