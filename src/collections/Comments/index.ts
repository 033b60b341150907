import type { CollectionConfig } from 'payload'

import { notEmpty } from '@/fields/notEmpty'
import { approvedCommentsOrStaff } from '@/access/approvedCommentsOrStaff'
import { isStaff, isStaffField } from '@/access/isStaff'
import { isValidEmail } from '@/lib/validation'
import { revalidateChangedComment, revalidateDeletedComment } from './hooks/revalidateComment'
import { validateThread } from './hooks/validateThread'

export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const
export const COMMENT_BODY_MIN = 2
export const COMMENT_BODY_MAX = 5000

export const Comments: CollectionConfig = {
  slug: 'comments',
  labels: {
    singular: { de: 'Kommentar', en: 'Comment' },
    plural: { de: 'Kommentare', en: 'Comments' },
  },
  admin: {
    useAsTitle: 'authorName',
    defaultColumns: ['authorName', 'body', 'article', 'status', 'createdAt'],
    group: { de: 'Leserbeiträge', en: 'Reader contributions' },
  },
  access: {
    read: approvedCommentsOrStaff,
    create: isStaff,
    update: isStaff,
    delete: isStaff,
  },
  indexes: [{ fields: ['article', 'status'] }],
  hooks: {
    beforeValidate: [validateThread],
    afterChange: [revalidateChangedComment],
    afterDelete: [revalidateDeletedComment],
  },
  fields: [
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      required: true,
      index: true,
      label: { de: 'Artikel', en: 'Article' },
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'comments',
      label: { de: 'Antwort auf', en: 'Reply to' },
      filterOptions: ({ siblingData }) => {
        const article = (siblingData as { article?: unknown })?.article
        return article ? { article: { equals: article } } : true
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'authorName',
          type: 'text',
          required: true,
          maxLength: 80,
          label: { de: 'Name', en: 'Name' },
        },
        {
          name: 'authorEmail',
          type: 'email',
          required: true,
          label: { de: 'E-Mail', en: 'Email' },
          access: { read: isStaffField },
          validate: (value: string | null | undefined) =>
            isValidEmail(value) || 'Bitte eine gültige E-Mail-Adresse angeben.',
        },
      ],
    },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      minLength: COMMENT_BODY_MIN,
      maxLength: COMMENT_BODY_MAX,
      label: { de: 'Kommentar', en: 'Comment' },
    },
    {
      name: 'status',
      type: 'select',
      validate: notEmpty,
      defaultValue: 'pending',
      index: true,
      label: { de: 'Status', en: 'Status' },
      options: [
        { value: 'pending', label: { de: 'Wartet auf Freigabe', en: 'Pending' } },
        { value: 'approved', label: { de: 'Freigegeben', en: 'Approved' } },
        { value: 'rejected', label: { de: 'Abgelehnt', en: 'Rejected' } },
        { value: 'spam', label: { de: 'Spam', en: 'Spam' } },
      ],
      admin: { position: 'sidebar' },
    },
  ],
}
