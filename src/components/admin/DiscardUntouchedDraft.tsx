'use client'
import { useConfig, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'

import { isEmptyDraft, type DraftShape } from '@/lib/articles/untouchedDraft'

/** Discards scheduled on unmount, by article; a remount of the same article cancels its own. */
const scheduled = new Map<string, ReturnType<typeof setTimeout>>()

/**
 * Renders nothing. When an editor leaves an article that was empty when they opened it (as
 * after „Neu erstellen“) without changing anything — to another admin page, or by closing the
 * tab — it asks the server to discard it. The server decides (src/lib/articles/untouchedDraft.ts):
 * only an article nobody ever saved again is deleted.
 */
export function DiscardUntouchedDraft() {
  const { id, data, initialData } = useDocumentInfo()
  const modified = useFormModified()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const router = useRouter()
  const touched = useRef(false)
  useEffect(() => {
    if (modified) touched.current = true
  }, [modified])
  // Decided once, from what the article held when the view opened.
  const [emptyAtOpen] = useState(() =>
    isEmptyDraft((initialData ?? data) as DraftShape | undefined),
  )

  useEffect(() => {
    if (!id || !emptyAtOpen) return
    const key = String(id)
    // React's development double mount, or a re-render of the same view: not a leave.
    clearTimeout(scheduled.get(key))
    scheduled.delete(key)
    let sent = false
    const discard = ({ thenRefresh }: { thenRefresh: boolean }) => {
      if (sent || touched.current) return
      sent = true
      void fetch(
        formatAdminURL({
          apiRoute: api,
          path: `/articles/${encodeURIComponent(key)}/discard-untouched`,
          relative: true,
        }),
        { method: 'POST', credentials: 'include', keepalive: true },
      )
        .then((response) => (response.ok ? response.json() : null))
        // The page now shown (the article list, most often) may already list it: show it without.
        .then((outcome) => outcome?.discarded && thenRefresh && router.refresh())
        .catch(() => undefined)
    }
    const onPageHide = () => discard({ thenRefresh: false })
    window.addEventListener('pagehide', onPageHide)
    return () => {
      window.removeEventListener('pagehide', onPageHide)
      scheduled.set(
        key,
        setTimeout(() => {
          scheduled.delete(key)
          // Still on this article (its versions, its API view, a remount): not a leave.
          if (window.location.pathname.includes(`/articles/${key}`)) return
          discard({ thenRefresh: true })
        }, 50),
      )
    }
  }, [id, api, emptyAtOpen, router])

  return null
}
