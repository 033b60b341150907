import type { Payload } from 'payload'
import { serverUrl } from '@/lib/serverUrl'

/**
 * Emails editors about comments waiting for moderation, through Payload's email adapter (the
 * log when no SMTP is configured). The first pending comment is mailed at once; comments that
 * follow within `NOTIFY_WINDOW_MS` are collected into one digest at the end of the window, so
 * a busy evening (or a spam wave) sends a few mails rather than hundreds. Runs after the
 * response is decided and never fails a post: problems are logged. The window is per server
 * instance; a process that stops mid-window drops its digest (the comments are still in the
 * moderation queue).
 */
const NOTIFY_WINDOW_MS = 5 * 60_000
const MAX_LISTED = 20

export type PendingCommentNote = { id: string; article: string; authorName: string; body: string }

type State = {
  timer?: ReturnType<typeof setTimeout>
  queued: PendingCommentNote[]
  sending: Promise<void>[]
}
const states = new WeakMap<Payload, State>()

const stateOf = (payload: Payload): State => {
  let state = states.get(payload)
  if (!state) {
    state = { queued: [], sending: [] }
    states.set(payload, state)
  }
  return state
}

export function notifyPendingComment(
  payload: Payload,
  note: PendingCommentNote,
  windowMs = NOTIFY_WINDOW_MS,
): void {
  const state = stateOf(payload)
  if (state.timer) {
    state.queued.push(note)
    return
  }
  track(state, send(payload, [note]))
  startWindow(payload, state, windowMs)
}

function startWindow(payload: Payload, state: State, windowMs: number) {
  state.timer = setTimeout(() => void flushCommentNotifications(payload, windowMs), windowMs)
  state.timer.unref?.()
}

function track(state: State, sending: Promise<void>) {
  state.sending.push(sending)
  void sending.finally(() => state.sending.splice(state.sending.indexOf(sending), 1))
}

/**
 * Sends what is queued now and waits for every mail under way. Without anything queued the
 * window ends, so the next pending comment is mailed at once.
 */
export async function flushCommentNotifications(
  payload: Payload,
  windowMs = NOTIFY_WINDOW_MS,
): Promise<void> {
  const state = states.get(payload)
  if (!state) return
  if (state.timer) clearTimeout(state.timer)
  state.timer = undefined
  const notes = state.queued.splice(0)
  if (notes.length) {
    track(state, send(payload, notes))
    startWindow(payload, state, windowMs)
  }
  await Promise.all([...state.sending])
}

/** Ends the window without sending (tests; shutting down). */
export function resetCommentNotifications(payload: Payload): void {
  const state = states.get(payload)
  if (state?.timer) clearTimeout(state.timer)
  states.delete(payload)
}

function pendingCommentsEmail(
  notes: PendingCommentNote[],
  titles: Map<string, string>,
  adminUrl: string,
): { subject: string; text: string } {
  const first = notes[0]
  const titleOf = (note: PendingCommentNote) => titles.get(note.article) ?? 'unbekannter Artikel'
  const subject =
    notes.length === 1
      ? `Neuer Kommentar wartet auf Freigabe: „${titleOf(first)}“`
      : `${notes.length} neue Kommentare warten auf Freigabe`
  const excerpt = (body: string) =>
    (body.length > 200 ? `${body.slice(0, 199)}…` : body).replace(/\s+/g, ' ')
  const listed = notes
    .slice(0, MAX_LISTED)
    .map(
      (note) =>
        `${note.authorName} zu „${titleOf(note)}“:\n${excerpt(note.body)}\n${adminUrl}/collections/comments/${note.id}`,
    )
  const more = notes.length > MAX_LISTED ? [`… und ${notes.length - MAX_LISTED} weitere.`] : []
  const queue = `${adminUrl}/collections/comments?where[status][equals]=pending`
  return {
    subject,
    text: [...listed, ...more, `Alle wartenden Kommentare: ${queue}`].join('\n\n') + '\n',
  }
}

async function send(payload: Payload, notes: PendingCommentNote[]): Promise<void> {
  try {
    const [editors, articles] = await Promise.all([
      recipients(payload),
      payload.find({
        collection: 'articles',
        where: { id: { in: [...new Set(notes.map((note) => note.article))] } },
        select: { title: true },
        depth: 0,
        limit: MAX_LISTED,
        pagination: false,
        overrideAccess: true,
      }),
    ])
    if (!editors.length) return
    const titles = new Map(articles.docs.map((doc) => [String(doc.id), String(doc.title ?? '')]))
    const { subject, text } = pendingCommentsEmail(
      notes,
      titles,
      `${serverUrl()}${payload.config.routes.admin}`,
    )
    await Promise.all(editors.map((to) => payload.sendEmail({ to, subject, text })))
  } catch (error) {
    payload.logger.error({ err: error, msg: 'Email about pending comments failed' })
  }
}

/** Editors moderate; when there are none, the admins hear about it. */
async function recipients(payload: Payload): Promise<string[]> {
  for (const role of ['editor', 'admin']) {
    const { docs } = await payload.find({
      collection: 'users',
      where: { role: { equals: role } },
      select: { email: true },
      depth: 0,
      limit: 100,
      pagination: false,
      overrideAccess: true,
    })
    const emails = docs.map((doc) => doc.email).filter(Boolean)
    if (emails.length) return emails
  }
  return []
}
