'use client'
import { getTranslation } from '@payloadcms/translations'
import { Button, toast, useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps, SelectFieldClient } from 'payload'
import { formatAdminURL } from 'payload/shared'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { isStaffUser } from '@/access/roles'

type Decision = 'approved' | 'rejected'

const DONE: Record<Decision, string> = {
  approved: 'Kommentar freigegeben.',
  rejected: 'Kommentar abgelehnt.',
}

/** The server's own words for a refused change, or a general sentence. */
async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { errors?: { message?: string }[]; message?: string }
    const message = body.errors?.map((error) => error.message).find(Boolean) ?? body.message
    if (message) return message
  } catch {
    // Not JSON: fall through.
  }
  return `Der Kommentar konnte nicht geändert werden (HTTP ${response.status}).`
}

/**
 * The status column of the comments list: the status, and for a comment waiting for
 * moderation „Freigeben“ / „Ablehnen“ — one click changes it through the REST API (the same
 * rules and side effects as saving it in the form) and refreshes the list.
 */
export function ModerationCell({ cellData, field, rowData }: DefaultCellComponentProps) {
  const { user } = useAuth()
  const { i18n } = useTranslation()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const router = useRouter()
  const [status, setStatus] = useState(typeof cellData === 'string' ? cellData : undefined)
  const [busy, setBusy] = useState(false)

  const option = (field as SelectFieldClient).options?.find(
    (candidate) => (typeof candidate === 'string' ? candidate : candidate.value) === status,
  )
  const label =
    option === undefined
      ? (status ?? '–')
      : typeof option === 'string'
        ? option
        : getTranslation(option.label, i18n)

  const decide = async (decision: Decision) => {
    setBusy(true)
    try {
      const response = await fetch(
        formatAdminURL({ apiRoute: api, path: `/comments/${rowData.id}`, relative: true }),
        {
          method: 'PATCH',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json', 'Accept-Language': i18n.language },
          body: JSON.stringify({ status: decision }),
        },
      )
      if (!response.ok) {
        toast.error(await errorMessage(response))
        return
      }
      setStatus(decision)
      toast.success(DONE[decision])
      router.refresh()
    } catch {
      toast.error('Der Server ist nicht erreichbar. Bitte erneut versuchen.')
    } finally {
      setBusy(false)
    }
  }

  const mayModerate = isStaffUser(user as { role?: string } | null)
  return (
    <div className="moderation-cell">
      <span className="moderation-cell__status">{label}</span>
      {mayModerate && status === 'pending' ? (
        <span className="moderation-cell__actions">
          <Button
            buttonStyle="primary"
            size="small"
            margin={false}
            disabled={busy}
            onClick={() => void decide('approved')}
            aria-label={`Kommentar von ${String(rowData.authorName ?? '')} freigeben`}
          >
            Freigeben
          </Button>
          <Button
            buttonStyle="secondary"
            size="small"
            margin={false}
            disabled={busy}
            onClick={() => void decide('rejected')}
            aria-label={`Kommentar von ${String(rowData.authorName ?? '')} ablehnen`}
          >
            Ablehnen
          </Button>
        </span>
      ) : null}
    </div>
  )
}
