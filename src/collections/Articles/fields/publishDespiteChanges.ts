import type { CheckboxField } from 'payload'

import { isNewsroomField } from '@/access/isNewsroomField'
import { isStaffField } from '@/access/isStaff'

/**
 * The editor's explicit confirmation to publish a text for which changes were requested
 * (src/workflow/transitions.ts; without it that publish is a 409). Never stored: it holds for
 * the one save that sends it, and is shown only while changes are requested.
 */
export const publishDespiteChangesField: CheckboxField = {
  name: 'publishDespiteChanges',
  type: 'checkbox',
  virtual: true,
  label: {
    de: 'Trotz erbetener Änderungen veröffentlichen',
    en: 'Publish despite the changes requested',
  },
  access: { read: isNewsroomField, create: isStaffField, update: isStaffField },
  admin: {
    position: 'sidebar',
    // Payload makes virtual fields read-only in the admin unless told otherwise.
    readOnly: false,
    condition: (data) => data?.workflowStatus === 'changes_requested',
    description: {
      de: 'Für diesen Text wurden Änderungen erbeten. „Veröffentlichen“ geht nur mit diesem Häkchen; es wird in den Notizen vermerkt.',
      en: 'Changes were requested for this text. “Publish” works only with this box ticked; it is noted in the notes.',
    },
  },
}
