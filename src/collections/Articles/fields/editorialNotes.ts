import type { ArrayField } from 'payload'

import { isNewsroomField } from '@/access/isNewsroomField'
import { dateTimePicker } from '@/lib/newsroomTime'

/**
 * The internal thread on an article: who said what, when. Never readable by readers. The server
 * signs new notes and keeps other people's (hooks/stampEditorialNotes.ts).
 */
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
    {
      name: 'text',
      type: 'textarea',
      required: true,
      maxLength: 4000,
      label: { de: 'Notiz', en: 'Note' },
    },
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
          admin: { readOnly: true, date: dateTimePicker },
        },
      ],
    },
  ],
}
