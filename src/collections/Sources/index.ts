import type { CollectionConfig } from 'payload'

import { notEmpty } from '@/fields/notEmpty'
import { anyone } from '@/access/anyone'
import { isNewsroom } from '@/access/isNewsroom'
import { isStaff } from '@/access/isStaff'
import { slugField } from '@/fields/slug'
import { cacheTags } from '@/lib/revalidate'
import { revalidateOnChange } from '@/hooks/revalidateOnChange'
import { validateHttpUrl } from '@/lib/validation'
import { checkFieldValues } from '@/hooks/checkFieldValues'
import { readerQueryGuards } from '@/hooks/requestGuards'

const revalidateSite = revalidateOnChange([cacheTags.sources])

export const Sources: CollectionConfig = {
  slug: 'sources',
  labels: {
    singular: { de: 'Quelle', en: 'Source' },
    plural: { de: 'Quellen', en: 'Sources' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'url', 'updatedAt'],
    group: { de: 'Redaktion', en: 'Newsroom' },
  },
  access: {
    read: anyone,
    create: isNewsroom,
    update: isStaff,
    delete: isStaff,
  },
  defaultPopulate: { name: true, slug: true, kind: true, url: true },
  hooks: {
    beforeOperation: [...readerQueryGuards],
    beforeValidate: [checkFieldValues],
    // Source names appear in attributions and on source pages of the public site.
    afterChange: [revalidateSite.afterChange],
    afterDelete: [revalidateSite.afterDelete],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      unique: true,
      maxLength: 160,
      label: { de: 'Name', en: 'Name' },
      admin: { description: { de: 'z. B. The Associated Press', en: 'e.g. The Associated Press' } },
    },
    {
      name: 'kind',
      type: 'select',
      validate: notEmpty,
      defaultValue: 'other',
      label: { de: 'Art', en: 'Kind' },
      options: [
        { value: 'agency', label: { de: 'Nachrichtenagentur', en: 'News agency' } },
        { value: 'newspaper', label: { de: 'Zeitung', en: 'Newspaper' } },
        { value: 'broadcaster', label: { de: 'Sender', en: 'Broadcaster' } },
        { value: 'website', label: { de: 'Website', en: 'Website' } },
        { value: 'other', label: { de: 'Sonstige', en: 'Other' } },
      ],
    },
    {
      name: 'url',
      type: 'text',
      label: { de: 'Website', en: 'Website' },
      validate: (value: string | null | undefined) => validateHttpUrl(value),
    },
    slugField({ from: 'name', collection: 'sources' }),
  ],
}
