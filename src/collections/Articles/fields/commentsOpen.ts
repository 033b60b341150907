import type { CheckboxField } from 'payload'

import { commentingState } from '@/comments/policy'
import { loadCommentSettings } from '@/comments/settings'

/**
 * `commentsOpen` on articles (virtual, never stored): whether readers may comment right now —
 * published, comments enabled, and not closed by the "close after N days" setting. The site
 * shows the form only when it is true; the server checks the same rule on every post. Needs
 * `_status`, `commentsEnabled` and `publishedAt` in the read document (it is `null` when a
 * `select` leaves them out).
 */
export const commentsOpenField: CheckboxField = {
  name: 'commentsOpen',
  type: 'checkbox',
  virtual: true,
  label: { de: 'Kommentare derzeit offen', en: 'Comments open now' },
  admin: { hidden: true },
  hooks: {
    afterRead: [
      async ({ siblingData, req }) => {
        const article = siblingData as {
          _status?: string
          commentsEnabled?: boolean
          publishedAt?: string
        }
        if (!article || article._status === undefined) return null
        const settings = await loadCommentSettings(req.payload, req)
        return commentingState(article, settings.closeAfterDays, Date.now()).open
      },
    ],
  },
}
