import type { CollectionConfig } from 'payload'

import { notEmpty } from '@/fields/notEmpty'
import { adminOrSelf } from '@/access/adminOrSelf'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isNewsroom } from '@/access/isNewsroom'
import { staffOrSelfField } from '@/access/staffOrSelfField'
import { ROLES, isNewsroomUser } from '@/access/roles'
import { checkFieldValues } from '@/hooks/checkFieldValues'
import { requestGuards } from '@/hooks/requestGuards'
import { firstUserBecomesAdmin } from './hooks/firstUserBecomesAdmin'
import { guardRoleChanges } from './hooks/guardRoleChanges'
import { limitLogins, loginSucceeded } from './hooks/limitLogins'
import { preventLastAdminDeletion, preventLastAdminDemotion } from './hooks/keepOneAdmin'

const roleLabels = {
  admin: { de: 'Administrator', en: 'Admin' },
  editor: { de: 'Redakteur', en: 'Editor' },
  author: { de: 'Autor', en: 'Author' },
} as const

export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { de: 'Benutzer', en: 'User' },
    plural: { de: 'Benutzer', en: 'Users' },
  },
  auth: {
    // No lockout stored on the account (it locked admins out for anyone who knew their address
    // and told strangers which addresses exist): hooks/limitLogins.ts limits logins instead.
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
    cookies: {
      sameSite: 'Lax',
      secure: process.env.NODE_ENV === 'production' && !process.env.INSECURE_COOKIES,
    },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'updatedAt'],
    group: { de: 'Verwaltung', en: 'Administration' },
  },
  access: {
    admin: ({ req: { user } }) => isNewsroomUser(user),
    create: isAdmin,
    read: isNewsroom,
    update: adminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [limitLogins, ...requestGuards, guardRoleChanges],
    afterLogin: [loginSucceeded],
    beforeValidate: [checkFieldValues],
    beforeChange: [firstUserBecomesAdmin, preventLastAdminDemotion],
    beforeDelete: [preventLastAdminDeletion],
  },
  fields: [
    // Payload's own e-mail field (merged with this one), readable by editors, admins and the
    // account itself: authors see the names of their colleagues only.
    { name: 'email', type: 'email', required: true, access: { read: staffOrSelfField } },
    {
      name: 'name',
      type: 'text',
      required: true,
      maxLength: 120,
      label: { de: 'Name', en: 'Name' },
    },
    {
      name: 'role',
      type: 'select',
      validate: notEmpty,
      defaultValue: 'author',
      label: { de: 'Rolle', en: 'Role' },
      options: ROLES.map((value) => ({ value, label: roleLabels[value] })),
      saveToJWT: true,
      access: {
        read: staffOrSelfField,
        create: isAdminField,
        update: isAdminField,
      },
      admin: {
        position: 'sidebar',
        // Hidden on the first-user screen, where the account always becomes the admin.
        condition: (_data, _siblingData, { user }) => Boolean(user),
        description: {
          de: 'Autoren schreiben, Redakteure prüfen und veröffentlichen, Administratoren verwalten Benutzer und Einstellungen.',
          en: 'Authors write, editors review and publish, admins manage users and settings.',
        },
      },
    },
  ],
  timestamps: true,
}
