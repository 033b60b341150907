import { describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'
import {
  CONFIRM_DESPITE_CHANGES_MESSAGE,
  PUBLISH_RECORD_TEXT,
  WORKFLOW_LABELS,
  historyEntry,
  WORKFLOW_STATES,
  resolveTransition,
  workflowEvent,
  type TransitionResult,
  type WorkflowEvent,
  type WorkflowState,
} from '@/workflow/transitions'

type From = WorkflowState | undefined
type Requested = WorkflowState | undefined

const FROM_STATES: From[] = [undefined, ...WORKFLOW_STATES]
const NON_PUBLISHED_STATES = WORKFLOW_STATES.filter((state) => state !== 'published')
const STAFF: (Role | null)[] = ['editor', 'admin', null]
const ALL_ROLES: (Role | null)[] = ['author', ...STAFF]

const APPROVE_FORBIDDEN = 'Nur Redakteure dürfen Artikel freigeben.'
const SUBMIT_ONLY =
  'Autoren dürfen Artikel nur aus „Entwurf“ oder „Änderungen erbeten“ zur Prüfung einreichen.'
const PUBLISH_FORBIDDEN =
  'Autoren dürfen Artikel nicht veröffentlichen; bitte zur Prüfung einreichen.'
const PUBLISHED_ONLY_BY_PUBLISHING =
  'Der Status „Veröffentlicht“ entsteht nur durch Veröffentlichen.'

const ok = (state: WorkflowState): TransitionResult => ({ ok: true, state })
const denied = (status: 400 | 403 | 409, message: string): TransitionResult => ({
  ok: false,
  status,
  message,
})

const draftSave = (role: Role | null, from: From, requested: Requested) =>
  resolveTransition({ role, from, requested, status: 'draft' })

describe('workflow states', () => {
  it('lists the states in workflow order', () => {
    expect(WORKFLOW_STATES).toEqual([
      'draft',
      'in_review',
      'changes_requested',
      'approved',
      'published',
    ])
  })

  it('labels every state in German and English', () => {
    expect(WORKFLOW_LABELS).toEqual({
      draft: { de: 'Entwurf', en: 'Draft' },
      in_review: { de: 'In Prüfung', en: 'In review' },
      changes_requested: { de: 'Änderungen erbeten', en: 'Changes requested' },
      approved: { de: 'Freigegeben', en: 'Approved' },
      published: { de: 'Veröffentlicht', en: 'Published' },
    })
  })
})

describe('resolveTransition for authors', () => {
  describe('allowed moves', () => {
    it.each<[From, Requested, WorkflowState]>([
      // Submitting for review.
      [undefined, 'in_review', 'in_review'],
      ['draft', 'in_review', 'in_review'],
      ['changes_requested', 'in_review', 'in_review'],
      // A new draft on top of a published article.
      ['published', 'in_review', 'in_review'],
      // Saving without asking for a state keeps the state …
      [undefined, undefined, 'draft'],
      ['draft', undefined, 'draft'],
      ['in_review', undefined, 'in_review'],
      ['changes_requested', undefined, 'changes_requested'],
      // … except that a published article gets a new draft …
      ['published', undefined, 'draft'],
      ['published', 'draft', 'draft'],
      // … and an approved one goes back to review, because approval covered the old text.
      ['approved', undefined, 'in_review'],
      ['approved', 'approved', 'in_review'],
      // Asking for the state it is already in.
      ['draft', 'draft', 'draft'],
      ['in_review', 'in_review', 'in_review'],
      ['changes_requested', 'changes_requested', 'changes_requested'],
    ])('from %s requesting %s → %s', (from, requested, state) => {
      expect(draftSave('author', from, requested)).toEqual(ok(state))
    })
  })

  describe('forbidden moves (403)', () => {
    it.each<[From, Requested, string]>([
      // Approving is for editors.
      ['in_review', 'approved', APPROVE_FORBIDDEN],
      ['draft', 'approved', APPROVE_FORBIDDEN],
      [undefined, 'approved', APPROVE_FORBIDDEN],
      ['changes_requested', 'approved', APPROVE_FORBIDDEN],
      ['published', 'approved', APPROVE_FORBIDDEN],
      // Requesting changes is for editors.
      ['in_review', 'changes_requested', SUBMIT_ONLY],
      ['draft', 'changes_requested', SUBMIT_ONLY],
      ['approved', 'changes_requested', SUBMIT_ONLY],
      ['published', 'changes_requested', SUBMIT_ONLY],
      // Pulling an article out of review or approval.
      ['in_review', 'draft', SUBMIT_ONLY],
      ['changes_requested', 'draft', SUBMIT_ONLY],
      ['approved', 'draft', SUBMIT_ONLY],
    ])('from %s requesting %s', (from, requested, message) => {
      expect(draftSave('author', from, requested)).toEqual(denied(403, message))
    })

    it('explains approval refusals with "Redakteure"', () => {
      const result = draftSave('author', 'in_review', 'approved')
      expect(result.ok).toBe(false)
      expect(!result.ok && result.message).toMatch(/Redakteure/)
    })
  })

  it.each(FROM_STATES)('may not publish (from %s) → 403', (from) => {
    for (const requested of [undefined, ...WORKFLOW_STATES]) {
      expect(resolveTransition({ role: 'author', from, requested, status: 'published' })).toEqual(
        denied(403, PUBLISH_FORBIDDEN),
      )
    }
  })

  it('may explicitly resubmit an approved article for review, the same state a plain save gives', () => {
    // A plain save of an approved article by its author yields in_review (see above); asking for
    // in_review explicitly must not be refused.
    expect(draftSave('author', 'approved', undefined)).toEqual(ok('in_review'))
    expect(draftSave('author', 'approved', 'in_review')).toEqual(ok('in_review'))
  })
})

describe('resolveTransition for staff (editor, admin, system)', () => {
  describe.each(STAFF)('role %s', (role) => {
    it('may make any move between non-published states', () => {
      for (const from of FROM_STATES) {
        for (const requested of NON_PUBLISHED_STATES) {
          expect(draftSave(role, from, requested)).toEqual(ok(requested))
        }
      }
    })

    it.each<[From, WorkflowState]>([
      [undefined, 'draft'],
      ['draft', 'draft'],
      ['in_review', 'in_review'],
      ['changes_requested', 'changes_requested'],
      // Staff saving an approved article keep the approval.
      ['approved', 'approved'],
      ['published', 'draft'],
    ])('saving from %s without a requested state → %s', (from, state) => {
      expect(draftSave(role, from, undefined)).toEqual(ok(state))
    })

    it('publishing gives published; from review or changes requested only as the rule says', () => {
      for (const from of FROM_STATES) {
        for (const requested of [undefined, ...WORKFLOW_STATES]) {
          const publish = resolveTransition({ role, from, requested, status: 'published' })
          if (role === null || (from !== 'in_review' && from !== 'changes_requested'))
            expect(publish).toEqual(ok('published'))
          else if (from === 'in_review')
            expect(publish).toEqual({
              ok: true,
              state: 'published',
              record: 'approved_by_publishing',
            })
          else expect(publish).toEqual(denied(409, CONFIRM_DESPITE_CHANGES_MESSAGE))
        }
      }
    })
  })
})

describe('publishing from review (an editor, an admin)', () => {
  it.each<Role>(['editor', 'admin'])(
    '%s: from "In Prüfung" it counts as approval, from "Änderungen erbeten" only when confirmed',
    (role) => {
      const publish = (from: From, confirmed?: boolean) =>
        resolveTransition({ role, from, requested: undefined, status: 'published', confirmed })
      expect(publish('in_review')).toEqual({
        ok: true,
        state: 'published',
        record: 'approved_by_publishing',
      })
      expect(publish('changes_requested')).toEqual(denied(409, CONFIRM_DESPITE_CHANGES_MESSAGE))
      expect(publish('changes_requested', false)).toMatchObject({ ok: false, status: 409 })
      expect(publish('changes_requested', true)).toEqual({
        ok: true,
        state: 'published',
        record: 'published_despite_changes',
      })
      // The confirmation changes nothing elsewhere.
      for (const from of ['draft', 'approved', 'published', undefined] as From[])
        expect(publish(from, true)).toEqual(ok('published'))
    },
  )

  it('an author stays refused, confirmed or not', () => {
    expect(
      resolveTransition({
        role: 'author',
        from: 'changes_requested',
        requested: undefined,
        status: 'published',
        confirmed: true,
      }),
    ).toEqual(denied(403, PUBLISH_FORBIDDEN))
  })

  it('says in the notes what happened, in German', () => {
    expect(PUBLISH_RECORD_TEXT.approved_by_publishing).toMatch(/freigegeben/)
    expect(PUBLISH_RECORD_TEXT.published_despite_changes).toMatch(/Trotz erbetener Änderungen/)
  })
})

describe('requesting "published" without publishing', () => {
  it.each(ALL_ROLES)('is a 400 for role %s from every state', (role) => {
    for (const from of FROM_STATES) {
      expect(draftSave(role, from, 'published')).toEqual(denied(400, PUBLISHED_ONLY_BY_PUBLISHING))
    }
  })
})

describe('workflowEvent', () => {
  it.each<[From, WorkflowState, WorkflowEvent | undefined]>([
    ['draft', 'in_review', 'submitted'],
    [undefined, 'in_review', 'submitted'],
    ['changes_requested', 'in_review', 'submitted'],
    ['approved', 'in_review', 'submitted'],
    ['published', 'in_review', 'submitted'],
    ['in_review', 'changes_requested', 'changes_requested'],
    ['approved', 'changes_requested', 'changes_requested'],
    ['in_review', 'approved', 'approved'],
    ['draft', 'approved', 'approved'],
    ['approved', 'published', 'published'],
    ['draft', 'published', 'published'],
    [undefined, 'published', 'published'],
    ['in_review', 'draft', undefined],
    ['published', 'draft', undefined],
    [undefined, 'draft', undefined],
  ])('%s → %s gives %s', (from, to, event) => {
    expect(workflowEvent(from, to)).toBe(event)
  })

  it.each(WORKFLOW_STATES)('gives no event when the state stays %s', (state) => {
    expect(workflowEvent(state, state)).toBeUndefined()
  })
})

describe('historyEntry', () => {
  it('writes one entry per move, none for a save that stays', () => {
    expect(historyEntry('draft', 'in_review', undefined, undefined)).toEqual({
      kind: 'note',
      text: 'Zur Prüfung eingereicht.',
    })
    expect(historyEntry('in_review', 'changes_requested', undefined, 'Quelle fehlt')).toEqual({
      kind: 'changes_requested',
      text: 'Quelle fehlt',
    })
    expect(historyEntry('in_review', 'approved', undefined, undefined)).toEqual({
      kind: 'approval',
      text: 'Freigegeben.',
    })
    expect(historyEntry('approved', 'published', undefined, undefined)).toEqual({
      kind: 'note',
      text: 'Veröffentlicht.',
    })
    expect(historyEntry('in_review', 'published', 'approved_by_publishing', undefined)).toEqual({
      kind: 'approval',
      text: PUBLISH_RECORD_TEXT.approved_by_publishing,
    })
    expect(historyEntry('approved', 'draft', undefined, undefined)?.text).toBe(
      'Zurück in den Entwurf gesetzt.',
    )
    for (const state of WORKFLOW_STATES)
      expect(historyEntry(state, state, undefined, undefined)).toBeNull()
    expect(historyEntry(undefined, 'draft', undefined, undefined)).toBeNull()
    // A new draft on a live article is no move of its own.
    expect(historyEntry('published', 'draft', undefined, undefined)).toBeNull()
    // Without its note, a request for changes writes nothing (applyWorkflow refuses it first).
    expect(historyEntry('in_review', 'changes_requested', undefined, undefined)).toBeNull()
  })
})
