import { formatDate, formatDateTime } from '@/site/format'

/** Dateline and publication date: `OTTAWA · 22. November 2026`. */
export function ArticleMeta({
  dateline,
  publishedAt,
  withTime = false,
}: {
  dateline?: string | null
  publishedAt?: string | null
  withTime?: boolean
}) {
  const date = withTime ? formatDateTime(publishedAt) : formatDate(publishedAt)
  if (!dateline && !date) return null
  return (
    <p className="meta">
      {dateline ? <span className="dateline">{dateline}</span> : null}
      {dateline && date ? <span aria-hidden="true"> · </span> : null}
      {date ? <time dateTime={publishedAt ?? undefined}>{date}</time> : null}
    </p>
  )
}
