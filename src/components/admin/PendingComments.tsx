import type { Payload, ServerProps } from 'payload'
import React from 'react'

import { isStaffUser } from '@/access/roles'

/**
 * The moderation queue at a glance, rendered on the server for editors and admins: a nav link
 * with the number of pending comments, and a bar above the comments list with status filters.
 */

async function pendingCount(payload: Payload): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'comments',
    where: { status: { equals: 'pending' } },
    overrideAccess: true,
  })
  return totalDocs
}

const listHref = (payload: Payload, status?: string) =>
  `${payload.config.routes.admin}/collections/comments${status ? `?where[status][equals]=${status}` : ''}`

const german = (props: ServerProps) => props.i18n?.language !== 'en'

const queueLabel = (count: number, de: boolean) =>
  de
    ? `${count} ${count === 1 ? 'Kommentar wartet' : 'Kommentare warten'} auf Freigabe`
    : `${count} ${count === 1 ? 'comment' : 'comments'} awaiting moderation`

export async function PendingCommentsNavLink(props: ServerProps) {
  if (!isStaffUser(props.user as { role?: string } | undefined)) return null
  const count = await pendingCount(props.payload)
  const de = german(props)
  return (
    <a
      className="nav__link"
      href={listHref(props.payload, 'pending')}
      style={{ display: 'flex', gap: '0.5em', alignItems: 'center' }}
    >
      <span className="nav__link-label">
        {de ? 'Kommentare zur Freigabe' : 'Comments to moderate'}
      </span>
      <span
        aria-label={queueLabel(count, de)}
        style={{
          minWidth: '1.6em',
          padding: '0 0.4em',
          borderRadius: '1em',
          textAlign: 'center',
          fontWeight: 600,
          background: count
            ? 'var(--theme-warning-500, #f5a623)'
            : 'var(--theme-elevation-150, #ddd)',
          color: count ? '#000' : 'inherit',
        }}
      >
        {count}
      </span>
    </a>
  )
}

export async function PendingCommentsBanner(props: ServerProps) {
  if (!isStaffUser(props.user as { role?: string } | undefined)) return null
  const count = await pendingCount(props.payload)
  const de = german(props)
  const filters: [string | undefined, string][] = [
    ['pending', de ? 'Wartend' : 'Pending'],
    ['approved', de ? 'Freigegeben' : 'Approved'],
    ['rejected', de ? 'Abgelehnt' : 'Rejected'],
    ['spam', 'Spam'],
    [undefined, de ? 'Alle' : 'All'],
  ]
  return (
    <div
      className="gutter--left gutter--right"
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: '1em',
        alignItems: 'baseline',
        marginBottom: '1em',
      }}
    >
      <strong>{queueLabel(count, de)}</strong>
      <span>
        {filters.map(([status, label], index) => (
          <React.Fragment key={label}>
            {index > 0 ? ' · ' : null}
            <a href={listHref(props.payload, status)}>{label}</a>
          </React.Fragment>
        ))}
      </span>
    </div>
  )
}
