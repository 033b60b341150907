import type { CollectionConfig } from 'payload'

import { canDeleteArticle, canUpdateArticle } from '@/access/articles'
import { isNewsroom } from '@/access/isNewsroom'
import { publishedOrNewsroom } from '@/access/publishedOrNewsroom'
import { systemOnly } from '@/access/systemOnly'
import { slugField } from '@/fields/slug'
import { addCreatorAsAuthor } from './hooks/addCreatorAsAuthor'
import { EXCERPT_MAX_LENGTH, populateExcerpt } from './hooks/populateExcerpt'
import { populatePublishedAt } from './hooks/populatePublishedAt'

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: {
    singular: { de: 'Artikel', en: 'Article' },
    plural: { de: 'Artikel', en: 'Articles' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'dateline', '_status', 'publishedAt', 'updatedAt'],
    group: { de: 'Redaktion', en: 'Newsroom' },
    listSearchableFields: ['title', 'slug', 'excerpt'],
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
  versions: {
    drafts: { autosave: true, schedulePublish: true },
    maxPerDoc: 50,
  },
  hooks: {
    beforeChange: [addCreatorAsAuthor, populateExcerpt, populatePublishedAt],
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
          required: true,
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
      name: 'content',
      type: 'richText',
      required: true,
      label: { de: 'Text', en: 'Body' },
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
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      label: { de: 'Veröffentlicht am', en: 'Published at' },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: { de: 'Wird beim ersten Veröffentlichen gesetzt.', en: 'Set on first publish.' },
      },
    },
    {
      name: 'commentsEnabled',
      type: 'checkbox',
      defaultValue: true,
      label: { de: 'Kommentare erlaubt', en: 'Comments enabled' },
      admin: { position: 'sidebar' },
    },
    slugField({ from: 'title', collection: 'articles' }),
    {
      name: 'importKey',
      type: 'text',
      unique: true,
      index: true,
      access: { create: systemOnly, update: systemOnly },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: { de: 'Schlüssel des Seed-Imports.', en: 'Key used by the seed importer.' },
      },
    },
  ],
}
