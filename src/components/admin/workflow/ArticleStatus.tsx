'use client'
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'

import { statusLine } from '@/workflow/actions'
import type { WorkflowState } from '@/workflow/transitions'

/**
 * The one status display of an article (admin.components.edit.Status, in place of Payload's
 * "Status: Entwurf/Geändert"): what readers see and what is pending in the newest version, e.g.
 * "Online · Änderungen in Prüfung".
 */
export function ArticleStatus() {
  const { hasPublishedDoc, unpublishedVersionCount } = useDocumentInfo()
  const state = useFormFields(([fields]) => fields.workflowStatus?.value as WorkflowState)
  const line = statusLine({
    online: hasPublishedDoc,
    state,
    pendingChanges: hasPublishedDoc && unpublishedVersionCount > 0,
  })
  return (
    <div className="status newsroom-status" data-online={hasPublishedDoc ? 'true' : 'false'}>
      <span className="status__label">Status:</span>{' '}
      <span className="status__value" data-testid="article-status">
        {line}
      </span>
    </div>
  )
}
