import type { ArrayField, CollectionBeforeChangeHook } from 'payload'

import { isNewsroomField } from '@/access/isNewsroomField'
import { isAdminUser } from '@/access/roles'
import { relationId } from '@/lib/relationId'

type Note = { id?: string | null; author?: unknown; createdAt?: string | null; kind?: string | null; text?: string | null }

/** The internal thread on an article: who said what, when. Never readable by readers. */
export const editorialNotesField: ArrayField = {
  name: 'editorialNotes',
  type: 'array',
  label: { de: 'Redaktionelle Notizen', en: 'Editorial notes' },
  labels: {
    singular: { de: 'Notiz', en: 'Note' },
    plural: { de: 'Notizen', en: 'Notes' },
  },
  access: { read: isNewsroomField, create: isNewsroomField, update: isNewsroomField },
  admin: {
    description: {
      de: 'Interner Austausch, z. B. beim Erbitten von Änderungen oder bei der Freigabe. Für Leser unsichtbar.',
      en: 'Internal thread, e.g. when requesting changes or approving. Never shown to readers.',
    },
    initCollapsed: false,
  },
  fields: [
    { name: 'text', type: 'textarea', required: true, maxLength: 4000, label: { de: 'Notiz', en: 'Note' } },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          defaultValue: 'note',
          label: { de: 'Art', en: 'Kind' },
          options: [
            { value: 'note', label: { de: 'Notiz', en: 'Note' } },
            { value: 'changes_requested', label: { de: 'Änderungswunsch', en: 'Change request' } },
            { value: 'approval', label: { de: 'Freigabe', en: 'Approval' } },
          ],
        },
        {
          name: 'author',
          type: 'relationship',
          relationTo: 'users',
          label: { de: 'Von', en: 'By' },
          admin: { readOnly: true },
        },
        {
          name: 'createdAt',
          type: 'date',
          label: { de: 'Am', en: 'At' },
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
  ],
}

/**
 * New notes are signed by the server (author, time); other people's notes cannot be rewritten
 * or removed (except by admins), so the thread stays a faithful record.
 */
export const stampEditorialNotes: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!Array.isArray(data.editorialNotes)) return data
  const previous: Note[] = Array.isArray(originalDoc?.editorialNotes) ? originalDoc.editorialNotes : []
  const byId = new Map(previous.filter((note) => note.id).map((note) => [note.id, note]))
  const now = new Date().toISOString()
  // is typed); everyone else's notes stay as written.
  const mayEdit = (note: Note) => isAdminUser(req.user) || (req.user && relationId(note.author) === req.user.id)
  const incoming = (data.editorialNotes as Note[]).map((note) => {
    const stored = note.id ? byId.get(note.id) : undefined
    if (!stored) return { ...note, author: req.user?.id ?? null, createdAt: now }
    return mayEdit(stored) ? { ...note, author: stored.author, createdAt: stored.createdAt } : stored
  })
  const kept = new Set(incoming.map((note) => note.id).filter(Boolean))
  const removed = isAdminUser(req.user) ? [] : previous.filter((note) => note.id && !kept.has(note.id))
  return { ...data, editorialNotes: [...removed, ...incoming] }
}
