import type { CollectionBeforeChangeHook } from 'payload'

import { isAdminUser } from '@/access/roles'
import { relationId } from '@/lib/relationId'

type Note = {
  id?: string | null
  author?: unknown
  createdAt?: string | null
  kind?: string | null
  text?: string | null
}

/**
 * New notes are signed by the server (author, time); other people's notes cannot be rewritten
 * or removed (except by admins), so the thread stays a faithful record.
 */
export const stampEditorialNotes: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!Array.isArray(data.editorialNotes)) return data
  const previous: Note[] = Array.isArray(originalDoc?.editorialNotes)
    ? originalDoc.editorialNotes
    : []
  const byId = new Map(previous.filter((note) => note.id).map((note) => [note.id, note]))
  const now = new Date().toISOString()
  // Admins and a note's own author may correct it (autosave stores a new row before its text
  // is typed); everyone else's notes stay as written.
  const mayEdit = (note: Note) =>
    isAdminUser(req.user) || (req.user && relationId(note.author) === req.user.id)
  const incoming = (data.editorialNotes as Note[]).map((note) => {
    const stored = note.id ? byId.get(note.id) : undefined
    if (!stored) return { ...note, author: req.user?.id ?? null, createdAt: now }
    return mayEdit(stored)
      ? { ...note, author: stored.author, createdAt: stored.createdAt }
      : stored
  })
  const kept = new Set(incoming.map((note) => note.id).filter(Boolean))
  const removed = isAdminUser(req.user)
    ? []
    : previous.filter((note) => note.id && !kept.has(note.id))
  return { ...data, editorialNotes: [...removed, ...incoming] }
}
