import type { TextField } from 'payload'

import { isStaffField } from '@/access/isStaff'
import { systemOnly } from '@/access/systemOnly'

/**
 * The key the seed importer finds its documents by. Only the importer writes it; editors and
 * admins may read it (shown in the sidebar when there is one), authors and readers do not see it.
 */
export function importKeyField(description?: { de: string; en: string }): TextField {
  return {
    name: 'importKey',
    type: 'text',
    unique: true,
    index: true,
    label: { de: 'Import-Schlüssel', en: 'Import key' },
    access: { read: isStaffField, create: systemOnly, update: systemOnly },
    admin: {
      readOnly: true,
      position: 'sidebar',
      condition: (data) => Boolean(data?.importKey),
      ...(description ? { description } : {}),
    },
  }
}
