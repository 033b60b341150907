import type { CollectionConfig, ImageSize } from 'payload'

import { anyone } from '@/access/anyone'
import { isNewsroom } from '@/access/isNewsroom'
import { isStaff } from '@/access/isStaff'
import { systemOnly } from '@/access/systemOnly'
import { LICENSES, formatCreditLine, licenseByValue } from '@/lib/licenses'
import { cacheTags } from '@/lib/revalidate'
import { revalidateOnChange } from '@/hooks/revalidateOnChange'
import { validateHttpUrl } from '@/lib/validation'
import { checkFieldValues } from '@/hooks/checkFieldValues'
import { readerQueryGuards } from '@/hooks/requestGuards'
import { fileNotFound } from './hooks/fileNotFound'
import { importKeyField } from '@/fields/importKey'
import { refuseOversizedImages } from './hooks/refuseOversizedImages'

// Alt texts, captions and credit lines appear on every public page that shows the picture.
const revalidateSite = revalidateOnChange([cacheTags.images])

const MEDIA_DIR = process.env.MEDIA_DIR || 'media'

const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']

const IMAGE_SIZES = [
  { name: 'thumbnail', width: 400, withoutEnlargement: true },
  { name: 'card', width: 768, withoutEnlargement: true },
  { name: 'hero', width: 1600, withoutEnlargement: true },
  { name: 'og', width: 1200, height: 630, fit: 'cover', position: 'centre' },
] satisfies ImageSize[]

export const Images: CollectionConfig = {
  slug: 'images',
  labels: {
    singular: { de: 'Bild', en: 'Image' },
    plural: { de: 'Bilder', en: 'Images' },
  },
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'creditLine', 'updatedAt'],
    group: { de: 'Medien', en: 'Media' },
  },
  access: {
    read: anyone,
    create: isNewsroom,
    update: isStaff,
    delete: isStaff,
  },
  defaultPopulate: {
    alt: true,
    caption: true,
    credit: true,
    creditLine: true,
    url: true,
    width: true,
    height: true,
    sizes: true,
    focalX: true,
    focalY: true,
  },
  upload: {
    // MEDIA_DIR lets tests and benchmarks keep their uploads out of the project's media folder.
    staticDir: MEDIA_DIR,
    // Unknown or impossible file names: 404/400 instead of Payload's 500.
    handlers: [fileNotFound(MEDIA_DIR)],
    mimeTypes: IMAGE_MIME_TYPES,
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    imageSizes: IMAGE_SIZES,
  },
  // A `select` (GraphQL uses one by default) still reads the file names the URLs are made from.
  forceSelect: {
    filename: true,
    sizes: Object.fromEntries(IMAGE_SIZES.map(({ name }) => [name, { filename: true }])),
  },
  hooks: {
    beforeOperation: [...readerQueryGuards, refuseOversizedImages],
    beforeValidate: [checkFieldValues],
    beforeChange: [
      ({ data, originalDoc }) => {
        const credit = { ...(originalDoc?.credit ?? {}), ...(data.credit ?? {}) }
        return { ...data, creditLine: formatCreditLine(credit) }
      },
    ],
    afterChange: [revalidateSite.afterChange],
    afterDelete: [revalidateSite.afterDelete],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      maxLength: 300,
      label: { de: 'Alternativtext', en: 'Alt text' },
      admin: {
        description: {
          de: 'Beschreibt das Bild für Menschen, die es nicht sehen.',
          en: 'Describes the picture for people who cannot see it.',
        },
      },
    },
    {
      name: 'caption',
      type: 'textarea',
      maxLength: 1000,
      label: { de: 'Bildunterschrift', en: 'Caption' },
    },
    {
      name: 'credit',
      type: 'group',
      label: { de: 'Bildnachweis', en: 'Credit' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'author',
              type: 'text',
              maxLength: 200,
              label: { de: 'Urheber', en: 'Author' },
              validate: (
                value: string | null | undefined,
                { siblingData }: { siblingData: Record<string, unknown> },
              ) => {
                const license = licenseByValue(siblingData?.license as string | undefined)
                if (license?.requiresAttribution && !value?.trim()) {
                  return `Die Lizenz ${license.label} verlangt die Nennung des Urhebers.`
                }
                return true
              },
            },
            {
              name: 'license',
              type: 'select',
              required: true,
              label: { de: 'Lizenz', en: 'Licence' },
              options: LICENSES.map(({ value, label }) => ({ value, label })),
            },
            {
              name: 'provider',
              type: 'text',
              maxLength: 200,
              label: { de: 'Anbieter', en: 'Provider' },
              admin: { description: { de: 'z. B. Pixabay', en: 'e.g. Pixabay' } },
            },
          ],
        },
        {
          name: 'sourceUrl',
          type: 'text',
          label: { de: 'Quelle (URL)', en: 'Source URL' },
          validate: (value: string | null | undefined) => validateHttpUrl(value),
        },
      ],
    },
    {
      name: 'creditLine',
      type: 'text',
      label: { de: 'Bildnachweis (Zeile)', en: 'Credit line' },
      access: { create: systemOnly, update: systemOnly },
      admin: {
        readOnly: true,
        description: { de: 'Wird aus dem Bildnachweis erzeugt.', en: 'Computed from the credit.' },
      },
    },
    importKeyField(),
  ],
}
