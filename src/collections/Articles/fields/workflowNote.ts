import type { TextareaField } from 'payload'

import { isNewsroomField } from '@/access/isNewsroomField'

/**
 * The note that goes with a move in the workflow — the reason for a request for changes,
 * which the server requires (hooks/applyWorkflow.ts) and writes into the editorial notes,
 * signed. Never stored itself; the admin's "Änderungen anfordern" action sends it.
 */
export const workflowNoteField: TextareaField = {
  name: 'workflowNote',
  type: 'textarea',
  virtual: true,
  maxLength: 4000,
  label: { de: 'Notiz zum Statuswechsel', en: 'Note for the status change' },
  access: { read: isNewsroomField, create: isNewsroomField, update: isNewsroomField },
  admin: { hidden: true },
}
