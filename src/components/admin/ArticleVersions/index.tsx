import type { Column, DocumentViewServerProps, PaginatedDocs, Where } from 'payload'

import { Gutter, ListQueryProvider, SetDocumentStepNav, SortColumn } from '@payloadcms/ui'
import { notFound } from 'next/navigation'
import { isNumber } from 'payload/shared'
import React from 'react'

import { relationId } from '@/lib/relationId'
import {
  ArticleVersionsClient,
  EditorCell,
  StatusCell,
  VersionDateCell,
  type VersionRow,
} from './client'

/**
 * The article's "Versionen" tab: Payload's versions list (updatedAt, ID, status) plus a column
 * "Von" naming who made each version (`version.editedBy`, stamped by hooks/stampEditedBy.ts).
 *
 * Payload exports neither its versions view nor its column builder, so this is a small fork of
 * @payloadcms/next 3.90.1 `dist/views/Versions/index.js` and `buildColumns.js` (collections only,
 * no localization: the newsroom has neither globals with versions nor locales). The client parts
 * are in ./client.tsx. tests/unit/article-versions-fork.test.ts pins the mirrored files.
 */
export async function ArticleVersionsView(props: DocumentViewServerProps) {
  const {
    hasPublishedDoc,
    initPageResult: { collectionConfig, docID: id, req },
    routeSegments: segments,
    searchParams: { limit, page, sort } = {},
    versions: { disableGutter = false, useVersionDrawerCreatedAtCell = false } = {},
  } = props
  if (!collectionConfig || id === undefined) return notFound()
  const { i18n, payload, t, user } = req
  const collection = collectionConfig.slug as 'articles'
  const isTrashed = segments[2] === 'trash'
  const limitToUse = isNumber(limit)
    ? Number(limit)
    : collectionConfig.admin?.pagination?.defaultLimit
  const local = { collection, depth: 0, overrideAccess: false, req, user } as const
  const parent: Where = { parent: { equals: id } }

  let versionsData: PaginatedDocs<VersionRow>
  try {
    versionsData = (await payload.findVersions({
      ...local,
      limit: limitToUse,
      locale: req.locale ?? undefined,
      page: page ? parseInt(page.toString(), 10) : undefined,
      sort: sort as string | undefined,
      where: parent,
    })) as unknown as PaginatedDocs<VersionRow>
  } catch {
    return notFound()
  }

  const latest = async (status: 'draft' | 'published') =>
    (
      await payload.findVersions({
        ...local,
        draft: true,
        limit: 1,
        select: { id: true, updatedAt: true, version: { _status: true, updatedAt: true } },
        sort: '-updatedAt',
        where: { and: [parent, { 'version._status': { equals: status } }] },
      })
    ).docs[0] as VersionRow | undefined
  const [currentlyPublishedVersion, latestDraftVersion, editors] = await Promise.all([
    hasPublishedDoc ? latest('published') : undefined,
    latest('draft'),
    editorNames(props, versionsData.docs),
  ])

  const docs = versionsData.docs
  const columns: Column[] = [
    {
      accessor: 'updatedAt',
      active: true,
      field: { name: '', type: 'date' },
      Heading: <SortColumn Label={t('general:updatedAt')} name="updatedAt" />,
      renderedCells: docs.map((doc, i) => (
        <VersionDateCell
          articleId={id}
          collectionSlug={collection}
          inDrawer={useVersionDrawerCreatedAtCell}
          isTrashed={isTrashed}
          key={i}
          row={{ id: doc.id, updatedAt: doc.updatedAt }}
        />
      )),
    },
    {
      accessor: 'editedBy',
      active: true,
      field: { name: '', type: 'text' },
      Heading: <SortColumn disable Label={i18n.language === 'de' ? 'Von' : 'By'} name="editedBy" />,
      renderedCells: docs.map((doc, i) => (
        <EditorCell key={i} name={editors.get(String(relationId(doc.version.editedBy)))} />
      )),
    },
    {
      accessor: 'id',
      active: true,
      field: { name: '', type: 'text' },
      Heading: <SortColumn disable Label={t('version:versionID')} name="id" />,
      renderedCells: docs.map((doc, i) => <React.Fragment key={i}>{doc.id}</React.Fragment>),
    },
    {
      accessor: '_status',
      active: true,
      field: { name: '', type: 'checkbox' },
      Heading: <SortColumn disable Label={t('version:status')} name="status" />,
      renderedCells: docs.map((doc, i) => (
        <StatusCell
          currentlyPublishedVersion={currentlyPublishedVersion}
          key={i}
          latestDraftVersion={latestDraftVersion}
          row={doc}
        />
      )),
    },
  ]

  const pluralLabel =
    typeof collectionConfig.labels.plural === 'function'
      ? collectionConfig.labels.plural({ i18n, t })
      : collectionConfig.labels.plural
  const GutterComponent = disableGutter ? React.Fragment : Gutter
  return (
    <React.Fragment>
      <SetDocumentStepNav
        collectionSlug={collection}
        id={id}
        isTrashed={isTrashed}
        pluralLabel={pluralLabel}
        useAsTitle={collectionConfig.admin?.useAsTitle}
        view={i18n.t('version:versions')}
      />
      <main className="versions">
        <GutterComponent {...(disableGutter ? {} : { className: 'versions__wrap' })}>
          <ListQueryProvider
            data={versionsData}
            modifySearchParams
            query={{ limit: limitToUse, sort: sort as string | undefined }}
          >
            <ArticleVersionsClient
              baseClass="versions"
              columns={columns}
              paginationLimits={collectionConfig.admin?.pagination?.limits}
            />
          </ListQueryProvider>
        </GutterComponent>
      </main>
    </React.Fragment>
  )
}

/** Names of the users who made `docs`, as the viewer may read them (users: newsroom only). */
async function editorNames(
  { initPageResult: { req } }: DocumentViewServerProps,
  docs: VersionRow[],
): Promise<Map<string, string>> {
  const ids = [...new Set(docs.map((doc) => relationId(doc.version.editedBy)).filter(Boolean))]
  if (ids.length === 0) return new Map()
  const { docs: users } = await req.payload.find({
    collection: 'users',
    where: { id: { in: ids } },
    select: { name: true, email: true },
    limit: ids.length,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    req,
    user: req.user,
  })
  return new Map(users.map((user) => [String(user.id), user.name || user.email || String(user.id)]))
}
