import type { GlobalAfterChangeHook, GlobalConfig } from 'payload'

import { isAdminField } from '@/access/isAdmin'
import { isStaff } from '@/access/isStaff'
import { DEFAULT_COMMENT_SETTINGS } from '@/comments/policy'
import { COMMENT_SETTINGS_SLUG, forgetCommentSettings } from '@/comments/settings'
import { publicContentChanged } from '@/hooks/publicContentChanged'
import { checkGlobalFieldValues } from '@/hooks/checkFieldValues'
import { cacheTags } from '@/lib/revalidate'

const adminOnly = { update: isAdminField }

const clearCachedSettings: GlobalAfterChangeHook = async ({ doc, req, context }) => {
  forgetCommentSettings(req.payload)
  // Closing comments after N days changes the public `commentsOpen` of every article.
  await publicContentChanged(req, context, [cacheTags.site])
  return doc
}

/**
 * Settings of reader comments. Editors read everything and maintain the spam rules (block
 * list, link limit, where spam goes); limits, auto-approval, closing and notifications are
 * for admins. Readers never read this: whether an article takes comments is its
 * `commentsOpen` field.
 */
export const CommentSettings: GlobalConfig = {
  slug: COMMENT_SETTINGS_SLUG,
  label: { de: 'Kommentar-Einstellungen', en: 'Comment settings' },
  graphQL: { name: 'CommentSettings' },
  admin: { group: { de: 'Leserbeiträge', en: 'Reader contributions' } },
  access: {
    read: isStaff,
    update: isStaff,
  },
  hooks: { beforeValidate: [checkGlobalFieldValues], afterChange: [clearCachedSettings] },
  fields: [
    {
      type: 'collapsible',
      label: { de: 'Spam-Erkennung', en: 'Spam detection' },
      fields: [
        {
          name: 'blockList',
          type: 'textarea',
          label: { de: 'Sperrliste', en: 'Block list' },
          admin: {
            rows: 8,
            description: {
              de: 'Ein Wort oder eine Wendung pro Zeile, Groß-/Kleinschreibung egal. „*“ am Ende trifft alle Wörter, die so beginnen (z. B. „casino*“). Zeilen mit „#“ am Anfang sind Notizen. Geprüft werden Name, E-Mail und Text.',
              en: 'One word or phrase per line, case-insensitive. A trailing “*” matches every word starting with it. Lines starting with “#” are notes. Name, email and text are checked.',
            },
          },
        },
        {
          type: 'row',
          fields: [
            {
              name: 'maxLinks',
              type: 'number',
              min: 0,
              defaultValue: DEFAULT_COMMENT_SETTINGS.maxLinks,
              label: { de: 'Höchstzahl Links', en: 'Maximum links' },
              admin: {
                width: '50%',
                description: {
                  de: 'Mehr Links in einem Kommentar gelten als Spam-Signal.',
                  en: 'More links in one comment are a spam signal.',
                },
              },
            },
            {
              name: 'spamAction',
              type: 'select',
              defaultValue: DEFAULT_COMMENT_SETTINGS.spamAction,
              label: { de: 'Bei Spam-Signal', en: 'On a spam signal' },
              options: [
                { value: 'spam', label: { de: 'Als Spam ablegen', en: 'File as spam' } },
                {
                  value: 'pending',
                  label: { de: 'Zur Freigabe vorlegen', en: 'Hold for moderation' },
                },
              ],
              admin: {
                width: '50%',
                description: {
                  de: 'Signale: zu viele Links, Wort der Sperrliste, schneller abgeschickt als ein Mensch tippt.',
                  en: 'Signals: too many links, a blocked term, sent faster than a human types.',
                },
              },
            },
          ],
        },
      ],
    },
    {
      type: 'collapsible',
      label: {
        de: 'Freigabe und Fristen (nur Admins)',
        en: 'Approval and deadlines (admins only)',
      },
      fields: [
        {
          name: 'autoApproveKnown',
          type: 'checkbox',
          defaultValue: DEFAULT_COMMENT_SETTINGS.autoApproveKnown,
          access: adminOnly,
          label: {
            de: 'Bekannte Kommentierende automatisch freigeben',
            en: 'Auto-approve known commenters',
          },
          admin: {
            description: {
              de: 'Gilt, wenn mit derselben E-Mail-Adresse schon ein Kommentar freigegeben wurde, der Kommentar über das Formular der Website kam und kein Spam-Signal hat.',
              en: 'Applies when a comment with the same email was approved before, the comment came through the site form and has no spam signal.',
            },
          },
        },
        {
          name: 'closeAfterDays',
          type: 'number',
          min: 0,
          access: adminOnly,
          label: { de: 'Kommentare schließen nach (Tagen)', en: 'Close comments after (days)' },
          admin: {
            description: {
              de: 'Tage nach der Veröffentlichung. Leer = nie.',
              en: 'Days after publication. Empty = never.',
            },
          },
        },
        {
          name: 'notifyEditors',
          type: 'checkbox',
          defaultValue: DEFAULT_COMMENT_SETTINGS.notifyEditors,
          access: adminOnly,
          label: {
            de: 'Redaktion per E-Mail über neue Kommentare informieren',
            en: 'Email editors about new comments',
          },
        },
      ],
    },
    {
      type: 'collapsible',
      label: {
        de: 'Rate-Limit je IP-Adresse (nur Admins)',
        en: 'Rate limit per IP address (admins only)',
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'rateLimitPerMinute',
              type: 'number',
              min: 0,
              defaultValue: DEFAULT_COMMENT_SETTINGS.rateLimitPerMinute,
              access: adminOnly,
              label: { de: 'Pro Minute', en: 'Per minute' },
              admin: { width: '50%', description: { de: '0 = unbegrenzt', en: '0 = unlimited' } },
            },
            {
              name: 'rateLimitPerHour',
              type: 'number',
              min: 0,
              defaultValue: DEFAULT_COMMENT_SETTINGS.rateLimitPerHour,
              access: adminOnly,
              label: { de: 'Pro Stunde', en: 'Per hour' },
              admin: { width: '50%', description: { de: '0 = unbegrenzt', en: '0 = unlimited' } },
            },
          ],
        },
      ],
    },
  ],
}
