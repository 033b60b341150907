import type { TextField } from 'payload'

import { isNewsroomField } from '@/access/isNewsroomField'
import { statusLine } from '@/workflow/actions'
import type { WorkflowState } from '@/workflow/transitions'

/**
 * `readerStatus` (virtual, newsroom only): one line that says what readers see and what is
 * pending — "Online", "Online · Änderungen in Prüfung", "Offline · Entwurf" — for the admin's
 * list column. The admin reads the newest version of each article; when that is a draft, whether
 * readers see a published one comes from the article's own record (one small read). `null`
 * when a `select` leaves out `_status` or `workflowStatus`.
 */
export const readerStatusField: TextField = {
  name: 'readerStatus',
  type: 'text',
  virtual: true,
  label: { de: 'Status', en: 'Status' },
  access: { read: isNewsroomField, create: () => false, update: () => false },
  admin: {
    readOnly: true,
    disableListFilter: true,
    components: {
      Field: '@/components/admin/workflow/NoField#NoField',
      Cell: '@/components/admin/workflow/ReaderStatusCell#ReaderStatusCell',
    },
  },
  hooks: {
    afterRead: [
      async ({ siblingData, req }) => {
        const doc = siblingData as { id?: string; _status?: string; workflowStatus?: string }
        if (!doc?.id || doc._status === undefined || doc.workflowStatus === undefined) return null
        const state = doc.workflowStatus as WorkflowState
        if (doc._status === 'published')
          return statusLine({ online: true, state, pendingChanges: false })
        const record = await req.payload.db.findOne({
          collection: 'articles',
          where: { id: { equals: doc.id } },
          select: { _status: true },
          req,
        })
        const online = (record as { _status?: string } | null)?._status === 'published'
        return statusLine({ online, state, pendingChanges: online })
      },
    ],
  },
}
