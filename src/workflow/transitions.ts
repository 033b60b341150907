import type { Role } from '@/access/roles'

export const WORKFLOW_STATES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'published',
] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

export const WORKFLOW_LABELS: Record<WorkflowState, { de: string; en: string }> = {
  draft: { de: 'Entwurf', en: 'Draft' },
  in_review: { de: 'In Prüfung', en: 'In review' },
  changes_requested: { de: 'Änderungen erbeten', en: 'Changes requested' },
  approved: { de: 'Freigegeben', en: 'Approved' },
  published: { de: 'Veröffentlicht', en: 'Published' },
}

export type TransitionRequest = {
  /** `null` for trusted system code (importer, scheduled jobs without a user). */
  role: Role | null
  from: WorkflowState | undefined
  /** The state the client asked for; `undefined` when it did not send one. */
  requested: WorkflowState | undefined
  /** Payload's `_status` after this save. */
  status: 'draft' | 'published'
  /** The editor ticked "publish despite the changes requested" (`publishDespiteChanges`). */
  confirmed?: boolean
}

/**
 * What a publish means beyond itself, written into the article's notes by the server: an
 * editor's publish from "In Prüfung" is the approval, one from "Änderungen erbeten" overrides the
 * request (only when confirmed).
 */
export type PublishRecord = 'approved_by_publishing' | 'published_despite_changes'

export const PUBLISH_RECORD_TEXT: Record<PublishRecord, string> = {
  approved_by_publishing: 'Mit dem Veröffentlichen freigegeben (der Text war „In Prüfung“).',
  published_despite_changes: 'Trotz erbetener Änderungen veröffentlicht (ausdrücklich bestätigt).',
}

export const CONFIRM_DESPITE_CHANGES_MESSAGE =
  'Für diesen Artikel wurden Änderungen erbeten. Veröffentlichen Sie ihn nur mit ausdrücklicher ' +
  'Bestätigung („Trotz erbetener Änderungen veröffentlichen“) — oder geben Sie ihn an die ' +
  'Autorin oder den Autor zurück.'

export type TransitionResult =
  | { ok: true; state: WorkflowState; record?: PublishRecord }
  | { ok: false; status: 400 | 403 | 409; message: string }

const isStaffRole = (role: Role | null) => role === null || role === 'admin' || role === 'editor'

const AUTHOR_MAY_SUBMIT_FROM: WorkflowState[] = [
  'draft',
  'changes_requested',
  'approved',
  'published',
]

/**
 * The editorial workflow in one place: which state an article ends up in after a save, and
 * which moves a role may make. Publishing is the only way into `published`; an editor's publish
 * of a text "In Prüfung" counts as its approval, one of a text with changes requested needs the
 * editor's explicit confirmation (409 without). Trusted system code (`role: null`: importer,
 * scheduled publishing) is not asked.
 */
export function resolveTransition({
  role,
  from,
  requested,
  status,
  confirmed = false,
}: TransitionRequest): TransitionResult {
  const current = from ?? 'draft'
  if (status === 'published') {
    if (!isStaffRole(role)) {
      return {
        ok: false,
        status: 403,
        message: 'Autoren dürfen Artikel nicht veröffentlichen; bitte zur Prüfung einreichen.',
      }
    }
    if (role !== null && current === 'in_review')
      return { ok: true, state: 'published', record: 'approved_by_publishing' }
    if (role !== null && current === 'changes_requested') {
      return confirmed
        ? { ok: true, state: 'published', record: 'published_despite_changes' }
        : { ok: false, status: 409, message: CONFIRM_DESPITE_CHANGES_MESSAGE }
    }
    return { ok: true, state: 'published' }
  }
  if (requested === 'published') {
    return {
      ok: false,
      status: 400,
      message: 'Der Status „Veröffentlicht“ entsteht nur durch Veröffentlichen.',
    }
  }
  // A new draft on top of a published article starts its own round of review.
  const base: WorkflowState = current === 'published' ? 'draft' : current
  const target = requested ?? base
  if (isStaffRole(role)) return { ok: true, state: target }

  if (target === base) {
    // Authors editing an approved text send it back to review: approval covered the old text.
    return { ok: true, state: base === 'approved' ? 'in_review' : base }
  }
  if (target === 'in_review' && AUTHOR_MAY_SUBMIT_FROM.includes(current))
    return { ok: true, state: 'in_review' }
  return {
    ok: false,
    status: 403,
    message:
      target === 'approved'
        ? 'Nur Redakteure dürfen Artikel freigeben.'
        : 'Autoren dürfen Artikel nur aus „Entwurf“ oder „Änderungen erbeten“ zur Prüfung einreichen.',
  }
}

export type WorkflowEvent = 'submitted' | 'changes_requested' | 'approved' | 'published'

/** What a completed transition means for notifications. */
export function workflowEvent(
  from: WorkflowState | undefined,
  to: WorkflowState,
): WorkflowEvent | undefined {
  if (from === to) return undefined
  if (to === 'in_review') return 'submitted'
  if (to === 'changes_requested') return 'changes_requested'
  if (to === 'approved') return 'approved'
  if (to === 'published') return 'published'
  return undefined
}

export const CHANGES_NEED_A_NOTE =
  'Bitte begründen Sie den Änderungswunsch in einer Notiz für die Autorin oder den Autor.'

/**
 * The entry a completed move writes into the article's notes (its history: who, when — the
 * server signs it), or null when the move is not worth one (no change, a system save).
 * `note` is the editor's text for a request for changes.
 */
export function historyEntry(
  from: WorkflowState | undefined,
  to: WorkflowState,
  record: PublishRecord | undefined,
  note: string | undefined,
): { kind: 'note' | 'changes_requested' | 'approval'; text: string } | null {
  if (record) return { kind: 'approval', text: PUBLISH_RECORD_TEXT[record] }
  if ((from ?? 'draft') === to) return null
  switch (to) {
    case 'in_review':
      return { kind: 'note', text: 'Zur Prüfung eingereicht.' }
    case 'changes_requested':
      return note ? { kind: 'changes_requested', text: note } : null
    case 'approved':
      return { kind: 'approval', text: 'Freigegeben.' }
    case 'published':
      return { kind: 'note', text: 'Veröffentlicht.' }
    case 'draft':
      return from === 'published' ? null : { kind: 'note', text: 'Zurück in den Entwurf gesetzt.' }
  }
}
