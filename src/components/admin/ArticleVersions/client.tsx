'use client'

import type { Column } from 'payload'

import {
  Link,
  LoadingOverlayToggle,
  Pagination,
  PerPage,
  Pill,
  Table,
  useConfig,
  useListQuery,
  useModal,
  useRouteTransition,
  useTranslation,
} from '@payloadcms/ui'
import { formatDate } from '@payloadcms/ui/shared'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

/**
 * Client parts of the article's versions list (./index.tsx): a fork of @payloadcms/next 3.90.1
 * `dist/views/Versions/index.client.js`, its cells (`cells/CreatedAt`, `cells/AutosaveCell`),
 * `views/Version/VersionPillLabel` (pill only, no locales) and
 * `views/Version/SelectComparison/VersionDrawer/CreatedAtCell.js`, plus the "Von" cell.
 */

export type VersionRow = {
  id: string
  updatedAt: string
  autosave?: boolean | null
  version: { _status?: 'draft' | 'published' | null; editedBy?: unknown; updatedAt?: string }
}

export function ArticleVersionsClient({
  baseClass,
  columns,
  paginationLimits,
}: {
  baseClass: string
  columns: Column[]
  paginationLimits?: number[]
}) {
  const { data, handlePageChange, handlePerPageChange } = useListQuery()
  const limit = useSearchParams().get('limit')
  const { i18n } = useTranslation()
  const versionCount = data?.totalDocs || 0
  return (
    <React.Fragment>
      <LoadingOverlayToggle name="versions" show={!data} />
      {versionCount === 0 && (
        <div className={`${baseClass}__no-versions`}>
          {i18n.t('version:noFurtherVersionsFound')}
        </div>
      )}
      {data && versionCount > 0 && (
        <React.Fragment>
          <Table columns={columns} data={data.docs} />
          <div className={`${baseClass}__page-controls`}>
            <Pagination
              hasNextPage={data.hasNextPage}
              hasPrevPage={data.hasPrevPage}
              limit={data.limit}
              nextPage={data.nextPage ?? undefined}
              numberOfNeighbors={1}
              onChange={handlePageChange}
              page={data.page}
              prevPage={data.prevPage ?? undefined}
              totalPages={data.totalPages}
            />
            <div className={`${baseClass}__page-info`}>
              {data.page! * data.limit - (data.limit - 1)}-
              {data.totalPages > 1 && data.totalPages !== data.page
                ? data.limit * data.page!
                : data.totalDocs}{' '}
              {i18n.t('general:of')} {data.totalDocs}
            </div>
            <PerPage
              handleChange={handlePerPageChange}
              limit={limit ? Number(limit) : 10}
              limits={paginationLimits ?? []}
            />
          </div>
        </React.Fragment>
      )}
    </React.Fragment>
  )
}

/** The version's date: a link to it, or, in the comparison drawer, the choice of it. */
export function VersionDateCell({
  articleId,
  collectionSlug,
  inDrawer,
  isTrashed,
  row,
}: {
  articleId: number | string
  collectionSlug: string
  inDrawer: boolean
  isTrashed: boolean
  row: { id: string; updatedAt: string }
}) {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const date = formatDate({ date: row.updatedAt, i18n, pattern: config.admin.dateFormat })
  if (inDrawer) return <DrawerDateCell date={date} id={row.id} />
  const href = formatAdminURL({
    adminRoute: config.routes.admin,
    path: `/collections/${collectionSlug}/${isTrashed ? 'trash/' : ''}${articleId}/versions/${row.id}`,
  })
  return (
    <Link href={href} prefetch={false}>
      {date}
    </Link>
  )
}

function DrawerDateCell({ date, id }: { date: string; id: string }) {
  const { closeAllModals } = useModal()
  const router = useRouter()
  const pathname = usePathname()
  const searchParams = useSearchParams()
  const { startRouteTransition } = useRouteTransition()
  return (
    <button
      className="created-at-cell"
      onClick={() => {
        closeAllModals()
        const current = new URLSearchParams(Array.from(searchParams.entries()))
        current.set('versionFrom', id)
        const search = current.toString()
        startRouteTransition(() => router.push(`${pathname}${search ? `?${search}` : ''}`))
      }}
      type="button"
    >
      {date}
    </button>
  )
}

/** Who made the version; a dash for system saves and versions from before it was recorded. */
export function EditorCell({ name }: { name?: string }) {
  return <span className="versions__edited-by">{name ?? '–'}</span>
}

/** Autosave pill and the version's status pill (current draft, currently published, …). */
export function StatusCell({
  currentlyPublishedVersion,
  latestDraftVersion,
  row,
}: {
  currentlyPublishedVersion?: VersionRow
  latestDraftVersion?: VersionRow
  row: VersionRow
}) {
  const { t } = useTranslation()
  const { label, pillStyle } = versionLabel(row, currentlyPublishedVersion, latestDraftVersion)
  return (
    <div className="autosave-cell__items">
      {row.autosave && <Pill size="small">{t('version:autosave')}</Pill>}
      <div className="version-pill-label">
        <Pill pillStyle={pillStyle} size="small">
          <span>{t(label)}</span>
        </Pill>
      </div>
    </div>
  )
}

/** Payload's getVersionLabel (views/Version/VersionPillLabel/getVersionLabel.js), no locales. */
function versionLabel(
  version: VersionRow,
  currentlyPublished?: Pick<VersionRow, 'id' | 'updatedAt'>,
  latestDraft?: Pick<VersionRow, 'id' | 'updatedAt'>,
): {
  label:
    | 'version:currentDraft'
    | 'version:currentlyPublished'
    | 'version:draft'
    | 'version:previouslyPublished'
  pillStyle: 'light' | 'success'
} {
  if (version.version._status === 'draft') {
    const publishedNewerThanDraft =
      !!currentlyPublished && !!latestDraft && currentlyPublished.updatedAt > latestDraft.updatedAt
    const isCurrentDraft = !publishedNewerThanDraft && version.id === latestDraft?.id
    return { label: isCurrentDraft ? 'version:currentDraft' : 'version:draft', pillStyle: 'light' }
  }
  return currentlyPublished && version.id === currentlyPublished.id
    ? { label: 'version:currentlyPublished', pillStyle: 'success' }
    : { label: 'version:previouslyPublished', pillStyle: 'light' }
}
