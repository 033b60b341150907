import type { CollectionConfig, FieldAccess } from 'payload'

import { notEmpty } from '@/fields/notEmpty'
import { anyone } from '@/access/anyone'
import { approvedCommentsOrStaff } from '@/access/approvedCommentsOrStaff'
import { isStaff, isStaffField } from '@/access/isStaff'
import { isStaffUser } from '@/access/roles'
import { systemOnly } from '@/access/systemOnly'
import {
  COMMENT_BODY_MAX,
  COMMENT_BODY_MIN,
  COMMENT_MAX_DEPTH,
  COMMENT_NAME_MAX,
  normalizeEmail,
} from '@/comments/policy'
import { isValidEmail } from '@/lib/validation'
import { applyCommentDecision, checkNewComment } from './hooks/commentRules'
import { notifyEditorsOfPending } from './hooks/notifyEditors'
import { revalidateChangedComment, revalidateDeletedComment } from './hooks/revalidateComment'
import { checkFieldValues } from '@/hooks/checkFieldValues'
import { readerQueryGuards } from '@/hooks/requestGuards'

/** Fields only the server writes; readable by editors and admins. */
const serverField = { read: isStaffField, create: systemOnly, update: systemOnly }
/** Fields only the server writes; public, the site may show them. */
const publicServerField = { create: systemOnly, update: systemOnly }
/** Read by the comment rules, never stored, never returned. */
const noOne: FieldAccess = () => false

/**
 * Reader comments. Anyone may create one — the rules in hooks/commentRules.ts decide what is
 * accepted and with which status; editors and admins moderate (update, delete, bulk edit in
 * the list). Readers see approved comments of published articles, never an email address.
 */
export const Comments: CollectionConfig = {
  slug: 'comments',
  labels: {
    singular: { de: 'Kommentar', en: 'Comment' },
    plural: { de: 'Kommentare', en: 'Comments' },
  },
  admin: {
    useAsTitle: 'authorName',
    defaultColumns: ['authorName', 'body', 'article', 'status', 'signals', 'createdAt'],
    listSearchableFields: ['authorName', 'authorEmail', 'body'],
    group: { de: 'Leserbeiträge', en: 'Reader contributions' },
    // Moderation is for editors and admins; authors have nothing to do here.
    hidden: ({ user }) => !isStaffUser(user),
    description: {
      de: 'Status per Filter wählen; mehrere Kommentare markieren und „Bearbeiten“ ändert den Status aller auf einmal.',
      en: 'Filter by status; select several comments and use “Edit” to change the status of all at once.',
    },
    components: {
      beforeList: ['@/components/admin/PendingComments#PendingCommentsBanner'],
    },
  },
  access: {
    read: approvedCommentsOrStaff,
    // Open to everyone: the rules are enforced by checkNewComment for every create.
    create: anyone,
    update: isStaff,
    delete: isStaff,
  },
  defaultSort: '-createdAt',
  // A copy of a reader's comment is never what an editor wants.
  disableDuplicate: true,
  indexes: [{ fields: ['article', 'status'] }],
  // What the change hooks compare (revalidateComment.ts), also when a request asks for a `select`.
  forceSelect: { article: true, status: true, authorName: true, body: true },
  hooks: {
    beforeOperation: [...readerQueryGuards, checkNewComment],
    beforeValidate: [checkFieldValues],
    beforeChange: [applyCommentDecision],
    afterChange: [notifyEditorsOfPending, revalidateChangedComment],
    afterDelete: [revalidateDeletedComment],
  },
  fields: [
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      required: true,
      index: true,
      // A comment's answer names its article (title, slug …), not the article's picture: the
      // article is populated only on the comment itself, never two levels down.
      maxDepth: 1,
      label: { de: 'Artikel', en: 'Article' },
      access: { update: systemOnly },
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'comments',
      maxDepth: 1,
      label: { de: 'Antwort auf', en: 'Reply to' },
      access: { update: systemOnly },
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
          maxLength: COMMENT_NAME_MAX,
          label: { de: 'Name', en: 'Name' },
          // Editors replying in the admin start with their own name.
          defaultValue: ({ user }) =>
            isStaffUser(user)
              ? ((user as { name?: string }).name ?? '')
              : (undefined as unknown as string),
        },
        {
          name: 'authorEmail',
          type: 'email',
          required: true,
          index: true,
          label: { de: 'E-Mail', en: 'Email' },
          access: { read: isStaffField },
          defaultValue: ({ user }) =>
            isStaffUser(user)
              ? ((user as { email?: string }).email ?? '')
              : (undefined as unknown as string),
          hooks: {
            beforeValidate: [
              ({ value }) => (typeof value === 'string' ? normalizeEmail(value) : value),
            ],
          },
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
      admin: {
        description: {
          de: 'Reiner Text; Zeilenumbrüche bleiben erhalten.',
          en: 'Plain text; line breaks are kept.',
        },
      },
    },
    {
      name: 'status',
      type: 'select',
      validate: notEmpty,
      // Readers never choose: their status is decided by the comment rules.
      defaultValue: ({ user }) => (isStaffUser(user) ? 'approved' : 'pending'),
      index: true,
      label: { de: 'Status', en: 'Status' },
      access: { create: isStaffField },
      options: [
        { value: 'pending', label: { de: 'Wartet auf Freigabe', en: 'Pending' } },
        { value: 'approved', label: { de: 'Freigegeben', en: 'Approved' } },
        { value: 'rejected', label: { de: 'Abgelehnt', en: 'Rejected' } },
        { value: 'spam', label: { de: 'Spam', en: 'Spam' } },
      ],
      admin: {
        position: 'sidebar',
        // In the list: „Freigeben“ / „Ablehnen“ with one click for pending comments.
        components: { Cell: '@/components/admin/ModerationCell#ModerationCell' },
      },
    },
    {
      name: 'byStaff',
      type: 'checkbox',
      defaultValue: false,
      label: { de: 'Antwort der Redaktion', en: 'Reply by the newsroom' },
      access: publicServerField,
      admin: {
        position: 'sidebar',
        readOnly: true,
        components: {
          Cell: '@/components/admin/YesNoCell#YesNoCell',
          Diff: '@/components/admin/YesNoCell#YesNoDiff',
        },
      },
    },
    {
      name: 'level',
      type: 'number',
      defaultValue: 1,
      min: 1,
      max: COMMENT_MAX_DEPTH,
      label: { de: 'Ebene im Gesprächsfaden', en: 'Thread level' },
      access: publicServerField,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'signals',
      type: 'text',
      label: { de: 'Spam-Signale', en: 'Spam signals' },
      access: serverField,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: {
          de: 'Warum der Kommentar verdächtig wirkte.',
          en: 'Why the comment looked suspicious.',
        },
        components: {
          Cell: '@/components/admin/SpamSignals#SpamSignalsCell',
          Field: '@/components/admin/SpamSignals#SpamSignalsField',
        },
      },
    },
    {
      name: 'ipHash',
      type: 'text',
      index: true,
      label: { de: 'IP-Kennung (Hash)', en: 'IP key (hash)' },
      access: serverField,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: {
          de: 'Verschlüsselter Schlüssel der IP-Adresse (nicht umkehrbar); gleiche Kennung = gleicher Anschluss.',
          en: 'Keyed hash of the IP address (irreversible); same key = same connection.',
        },
      },
    },
    // The comment form's anti-abuse fields: accepted on create (REST and GraphQL), checked by
    // the rules, never stored (virtual) and never returned.
    {
      name: 'website',
      type: 'text',
      virtual: true,
      label: {
        de: 'Website (Honigtopf, muss leer bleiben)',
        en: 'Website (honeypot, must stay empty)',
      },
      access: { read: noOne, update: noOne },
      admin: { hidden: true },
    },
    {
      name: 'formToken',
      type: 'text',
      virtual: true,
      label: { de: 'Formular-Token', en: 'Form token' },
      access: { read: noOne, update: noOne },
      admin: { hidden: true },
    },
  ],
}
