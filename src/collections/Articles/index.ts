import type { CollectionConfig } from 'payload'

import { notEmpty } from '@/fields/notEmpty'
import { canDeleteArticle, canUpdateArticle } from '@/access/articles'
import { isNewsroom } from '@/access/isNewsroom'
import { isNewsroomField } from '@/access/isNewsroomField'
import { isStaffField } from '@/access/isStaff'
import { publishedOrNewsroom } from '@/access/publishedOrNewsroom'
import { systemOnly } from '@/access/systemOnly'
import { importKeyField } from '@/fields/importKey'
import { slugField } from '@/fields/slug'
import { restoreArticleVersion } from './endpoints/restoreVersion'
import { bylineField } from './fields/byline'
import { commentsOpenField } from './fields/commentsOpen'
import { editorialNotesField } from './fields/editorialNotes'
import { publishDespiteChangesField } from './fields/publishDespiteChanges'
import { workflowNoteField } from './fields/workflowNote'
import { readerStatusField } from './fields/readerStatus'
import { readingTimeField } from './fields/readingTime'
import { addCreatorAsAuthor } from './hooks/addCreatorAsAuthor'
import { applyWorkflow } from './hooks/applyWorkflow'
import { authorsSaveDrafts } from './hooks/authorsSaveDrafts'
import { deleteComments } from './hooks/deleteComments'
import { keepLockThroughAutosave } from './hooks/keepLockThroughAutosave'
import { notifyWorkflow } from './hooks/notifyWorkflow'
import { EXCERPT_MAX_LENGTH, populateExcerpt } from './hooks/populateExcerpt'
import { populatePublishedAt } from './hooks/populatePublishedAt'
import { revalidateArticle, revalidateDeletedArticle } from './hooks/revalidateArticle'
import { stampEditorialNotes } from './hooks/stampEditorialNotes'
import { stampEditedBy } from './hooks/stampEditedBy'
import { dateTimePicker, TIME_FORMAT } from '@/lib/newsroomTime'
import { previewPath, previewUrl } from '@/lib/preview'
import { WORKFLOW_LABELS, WORKFLOW_STATES } from '@/workflow/transitions'
import { plainSavesKeepPublished } from './hooks/plainSavesKeepPublished'
import { bulkPublishNewest } from './hooks/bulkPublishNewest'
import { checkFieldValues } from '@/hooks/checkFieldValues'
import { readerQueryGuards } from '@/hooks/requestGuards'
import { relationsExist } from '@/hooks/relationsExist'

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: {
    singular: { de: 'Artikel', en: 'Article' },
    plural: { de: 'Artikel', en: 'Articles' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'readerStatus', 'authors', 'submittedAt', 'publishedAt', 'updatedAt'],
    group: { de: 'Redaktion', en: 'Newsroom' },
    listSearchableFields: ['title', 'slug', 'excerpt'],
    components: {
      edit: {
        // The review workflow as actions, and one status line (src/components/admin/workflow).
        beforeDocumentControls: ['@/components/admin/workflow/WorkflowActions#WorkflowActions'],
        Status: '@/components/admin/workflow/ArticleStatus#ArticleStatus',
      },
      views: {
        // Payload's versions list with a column "Von" (who made each version, `editedBy`).
        edit: { versions: { Component: '@/components/admin/ArticleVersions#ArticleVersionsView' } },
      },
    },
    preview: (doc) => previewUrl(previewPath(doc)),
    livePreview: {
      url: ({ data }) => previewUrl(previewPath(data)),
      breakpoints: [
        { label: 'Mobil', name: 'mobile', width: 390, height: 844 },
        { label: 'Tablet', name: 'tablet', width: 820, height: 1180 },
        { label: 'Desktop', name: 'desktop', width: 1440, height: 900 },
      ],
    },
  },
  access: {
    read: publishedOrNewsroom,
    readVersions: isNewsroom,
    create: isNewsroom,
    update: canUpdateArticle,
    delete: canDeleteArticle,
  },
  defaultPopulate: {
    title: true,
    slug: true,
    excerpt: true,
    dateline: true,
    publishedAt: true,
    heroImage: true,
  },
  // A `select` (GraphQL uses one by default) still reads what `commentsOpen` is computed from.
  // … and the authors `byline` names.
  forceSelect: { _status: true, commentsEnabled: true, publishedAt: true, authors: true },
  // Lists of published articles, newest first (site, feed, GraphQL): the database walks this
  // index in order and stops at the page size instead of sorting every published article.
  indexes: [{ fields: ['_status', 'publishedAt', 'createdAt'] }],
  // Two people editing one article: the second sees who holds it and may take it over
  // (Payload's document locking; autosaves keep the lock, hooks/keepLockThroughAutosave.ts).
  // A lock lapses after 5 minutes without a change (typing renews it), so an editor who left
  // the article open or closed the laptop does not block it for long.
  lockDocuments: { duration: 300 },
  versions: {
    drafts: { autosave: true, schedulePublish: { timeFormat: TIME_FORMAT, timeIntervals: 15 } },
    maxPerDoc: 50,
  },
  endpoints: [restoreArticleVersion],
  hooks: {
    beforeOperation: [
      ...readerQueryGuards,
      authorsSaveDrafts,
      plainSavesKeepPublished,
      bulkPublishNewest,
    ],
    beforeValidate: [checkFieldValues, relationsExist],
    beforeChange: [
      addCreatorAsAuthor,
      applyWorkflow,
      stampEditorialNotes,
      stampEditedBy,
      populateExcerpt,
      populatePublishedAt,
    ],
    afterChange: [notifyWorkflow, revalidateArticle, keepLockThroughAutosave],
    beforeDelete: [deleteComments],
    afterDelete: [revalidateDeletedArticle],
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      maxLength: 200,
      label: { de: 'Titel', en: 'Title' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'dateline',
          type: 'text',
          maxLength: 80,
          label: { de: 'Ortsmarke', en: 'Dateline' },
          admin: { description: { de: 'z. B. OTTAWA', en: 'e.g. OTTAWA' }, width: '50%' },
        },
        {
          name: 'language',
          type: 'select',
          validate: notEmpty,
          defaultValue: 'de',
          label: { de: 'Sprache', en: 'Language' },
          options: [
            { value: 'de', label: { de: 'Deutsch', en: 'German' } },
            { value: 'en', label: { de: 'Englisch', en: 'English' } },
          ],
          admin: { width: '50%' },
        },
      ],
    },
    {
      name: 'excerpt',
      type: 'textarea',
      maxLength: EXCERPT_MAX_LENGTH,
      label: { de: 'Anrisstext', en: 'Excerpt' },
      admin: {
        description: {
          de: 'Leer lassen, um den ersten Absatz zu verwenden.',
          en: 'Leave empty to use the first paragraph.',
        },
      },
    },
    {
      name: 'heroImage',
      type: 'upload',
      relationTo: 'images',
      label: { de: 'Aufmacherbild', en: 'Hero image' },
    },
    {
      // The photo an imported text credits but that is not available: readers see a placeholder
      // credited to the newsroom (or the photo once an editor uploads it), never this name.
      name: 'originalPhoto',
      type: 'text',
      maxLength: 300,
      label: { de: 'Originalfoto', en: 'Original photo' },
      access: { read: isNewsroomField, create: isStaffField, update: isStaffField },
      admin: {
        condition: (data) => Boolean(data?.originalPhoto),
        description: {
          de: 'Bildnachweis des Fotos aus der Vorlage; das Foto selbst liegt nicht vor. Laden Sie es als Aufmacherbild hoch und leeren Sie dieses Feld.',
          en: 'Credit of the photo the source names; the photo itself is missing. Upload it as the hero image and clear this field.',
        },
      },
    },
    {
      name: 'content',
      type: 'richText',
      required: true,
      label: { de: 'Text', en: 'Body' },
    },
    // Word count and reading time in the sidebar. (The SEO group `meta` is appended by
    // Payload's SEO plugin: ./seo.ts.)
    readingTimeField,
    {
      name: 'workflowStatus',
      type: 'select',
      validate: notEmpty,
      defaultValue: 'draft',
      index: true,
      label: { de: 'Redaktionsstatus', en: 'Workflow status' },
      options: WORKFLOW_STATES.map((value) => ({ value, label: WORKFLOW_LABELS[value] })),
      admin: {
        position: 'sidebar',
        // Changed by the workflow actions, shown by the status line (components/admin/workflow).
        components: { Field: '@/components/admin/workflow/NoField#NoField' },
        description: {
          de: 'Entwurf → In Prüfung → Freigegeben → Veröffentlicht. „Veröffentlicht“ setzt nur der Veröffentlichen-Knopf. Veröffentlichen aus „In Prüfung“ gilt als Freigabe (in den Notizen vermerkt); aus „Änderungen erbeten“ nur mit ausdrücklicher Bestätigung.',
          en: 'Draft → In review → Approved → Published. Only the Publish button sets “Published”. Publishing from “In review” counts as approval (noted in the notes); from “Changes requested” only when explicitly confirmed.',
        },
      },
    },
    publishDespiteChangesField,
    workflowNoteField,
    readerStatusField,
    {
      name: 'submittedAt',
      type: 'date',
      label: { de: 'Eingereicht am', en: 'Submitted at' },
      access: { create: systemOnly, update: systemOnly },
      admin: { position: 'sidebar', readOnly: true, date: dateTimePicker },
    },
    {
      name: 'submittedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { de: 'Eingereicht von', en: 'Submitted by' },
      access: { create: systemOnly, update: systemOnly },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      // Set by hooks/stampEditedBy.ts on every save, so each version names who made it.
      name: 'editedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { de: 'Zuletzt bearbeitet von', en: 'Last edited by' },
      access: { read: isNewsroomField, create: systemOnly, update: systemOnly },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'sources',
      type: 'relationship',
      relationTo: 'sources',
      hasMany: true,
      label: { de: 'Quellen', en: 'Sources' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      label: { de: 'Autoren', en: 'Authors' },
      admin: { position: 'sidebar' },
    },
    bylineField,
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      // Readers' lists are sorted by it: only editors set it (an author's value is ignored), and
      // a publish without one sets the moment of publishing (populatePublishedAt).
      access: { create: isStaffField, update: isStaffField },
      // A copy of an article has never been published.
      hooks: { beforeDuplicate: [() => null] },
      label: { de: 'Veröffentlicht am', en: 'Published at' },
      // Berlin time whatever the editor's computer says (admin.timezones: the only zone offered).
      timezone: true,
      admin: {
        position: 'sidebar',
        date: dateTimePicker,
        description: {
          de: 'Wird beim ersten Veröffentlichen gesetzt.',
          en: 'Set on first publish.',
        },
      },
    },
    {
      name: 'commentsEnabled',
      type: 'checkbox',
      defaultValue: true,
      label: { de: 'Kommentare erlaubt', en: 'Comments enabled' },
      admin: {
        position: 'sidebar',
        components: {
          Cell: '@/components/admin/YesNoCell#YesNoCell',
          Diff: '@/components/admin/YesNoCell#YesNoDiff',
        },
      },
    },
    commentsOpenField,
    editorialNotesField,
    slugField({ from: 'title', collection: 'articles' }),
    importKeyField({ de: 'Schlüssel des Seed-Imports.', en: 'Key used by the seed importer.' }),
  ],
}
