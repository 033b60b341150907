'use client'
import {
  Button,
  toast,
  useAuth,
  useConfig,
  useDocumentInfo,
  useField,
  useForm,
} from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useId, useState } from 'react'

import type { Role } from '@/access/roles'
import { workflowActions, type WorkflowAction } from '@/workflow/actions'
import type { WorkflowState } from '@/workflow/transitions'

/**
 * The review workflow as buttons above the document (admin.components.edit.beforeDocumentControls):
 * exactly the moves the signed-in user may make (src/workflow/actions.ts). Each saves the form
 * as a draft with the new state — through the same REST request as "Entwurf speichern", so the
 * server's rules decide — and says so in a toast; a request for changes first asks for its
 * reason. Publishing and scheduling stay Payload's own button.
 */
export function WorkflowActions() {
  const { user } = useAuth()
  const { id, collectionSlug, hasPublishedDoc, setUnpublishedVersionCount } = useDocumentInfo()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { submit } = useForm()
  const { value: state, setValue } = useField<WorkflowState>({ path: 'workflowStatus' })
  const [asking, setAsking] = useState<WorkflowAction | null>(null)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const noteId = useId()

  if (!id || !collectionSlug) return null
  const actions = workflowActions(user?.role as Role | undefined, state)
  if (actions.length === 0) return null

  async function run(action: WorkflowAction, reason?: string) {
    const previous = state
    setBusy(true)
    setValue(action.to)
    const result = await submit({
      action: formatAdminURL({
        apiRoute: api,
        path: `/${collectionSlug}/${id}?depth=0&fallback-locale=null&draft=true`,
      }),
      method: 'PATCH',
      overrides: {
        _status: 'draft',
        workflowStatus: action.to,
        ...(reason ? { workflowNote: reason } : {}),
      },
      skipValidation: true,
      disableSuccessStatus: true,
    })
    setBusy(false)
    if (result?.res?.ok) {
      toast.success(action.done)
      if (hasPublishedDoc) setUnpublishedVersionCount((count) => count + 1)
      setAsking(null)
      setNote('')
    } else {
      // The server said no (its message is already in an error toast): the state stays.
      setValue(previous)
    }
  }

  return (
    <div className="newsroom-workflow-actions" role="group" aria-label="Redaktionsablauf">
      {actions.map((action) => (
        <Button
          key={action.id}
          buttonStyle={action.id === 'back_to_draft' ? 'subtle' : 'secondary'}
          size="medium"
          margin={false}
          disabled={busy}
          onClick={() => (action.needsNote ? setAsking(action) : void run(action))}
        >
          {action.label}
        </Button>
      ))}
      {asking && (
        <div className="newsroom-workflow-actions__note" role="dialog" aria-label={asking.label}>
          <label htmlFor={noteId}>Was soll geändert werden? (Pflichtfeld)</label>
          <textarea
            id={noteId}
            rows={4}
            value={note}
            maxLength={4000}
            onChange={(event) => setNote(event.target.value)}
          />
          <div className="newsroom-workflow-actions__note-buttons">
            <Button
              size="small"
              margin={false}
              disabled={busy || note.trim() === ''}
              onClick={() => void run(asking, note.trim())}
            >
              {asking.label}
            </Button>
            <Button
              size="small"
              buttonStyle="secondary"
              margin={false}
              onClick={() => setAsking(null)}
            >
              Abbrechen
            </Button>
          </div>
        </div>
      )}
    </div>
  )
}
