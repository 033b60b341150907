import {
  MetaDescriptionField,
  MetaImageField,
  MetaTitleField,
  OverviewField,
  PreviewField,
} from '@payloadcms/plugin-seo/fields'
import { seoPlugin } from '@payloadcms/plugin-seo'
import type {
  Config,
  Field,
  Plugin,
  TextareaFieldValidation,
  TextFieldValidation,
  UploadField,
} from 'payload'

import {
  articleMetaDescription,
  articleMetaTitle,
  articleUrl,
  META_DESCRIPTION_MAX_LENGTH,
  META_TITLE_MAX_LENGTH,
} from '@/lib/articleSeo'
import { relationId } from '@/lib/relationId'

const longerThan =
  (max: number, what: string) =>
  (value: string | null | undefined): string | true =>
    typeof value === 'string' && value.length > max
      ? `${what} darf höchstens ${max} Zeichen lang sein.`
      : true

const pluginImageField = MetaImageField({
  relationTo: 'images',
  hasGenerateFn: true,
}) as UploadField

/** The plugin's image field with German texts (its `overrides` would replace all of `admin`). */
const metaImageField: UploadField = {
  ...pluginImageField,
  localized: false,
  label: { de: 'Vorschaubild (Open Graph)', en: 'Sharing image (Open Graph)' },
  admin: {
    ...(pluginImageField.admin as object),
    description: {
      de: 'Bild für geteilte Links; leer: das Aufmacherbild. Zugeschnitten auf 1200 × 630.',
      en: 'Image for shared links; empty: the hero image. Cropped to 1200 × 630.',
    },
  },
}

const groupTexts = {
  label: { de: 'Suchmaschinen und Teilen (SEO)', en: 'Search engines and sharing (SEO)' },
  admin: {
    description: {
      de: 'Leere Felder übernehmen Titel, Anrisstext und Aufmacherbild.',
      en: 'Empty fields use the title, excerpt and hero image.',
    },
  },
}

/**
 * The SEO fields (Payload's SEO plugin, set up as in Payload's website template), with German
 * texts: meta title and description with length indicator (the plugin's 50–60 and 100–150
 * characters; stored values are only bounded generously), sharing image, search-result preview.
 */
const metaFields = [
  OverviewField({
    titlePath: 'meta.title',
    descriptionPath: 'meta.description',
    imagePath: 'meta.image',
  }),
  MetaTitleField({
    hasGenerateFn: true,
    overrides: {
      localized: false,
      label: { de: 'Meta-Titel', en: 'Meta title' },
      validate: longerThan(META_TITLE_MAX_LENGTH, 'Der Meta-Titel') as TextFieldValidation,
    },
  }),
  MetaDescriptionField({
    hasGenerateFn: true,
    overrides: {
      localized: false,
      label: { de: 'Meta-Beschreibung', en: 'Meta description' },
      validate: longerThan(
        META_DESCRIPTION_MAX_LENGTH,
        'Die Meta-Beschreibung',
      ) as TextareaFieldValidation,
    },
  }),
  metaImageField,
  PreviewField({
    hasGenerateFn: true,
    titlePath: 'meta.title',
    descriptionPath: 'meta.description',
  }),
]

const withGermanGroup = (field: Field): Field =>
  field.type === 'group' && 'name' in field && field.name === 'meta'
    ? { ...field, ...groupTexts, admin: { ...field.admin, ...groupTexts.admin } }
    : field

/**
 * `meta` on articles: what search engines and shared links show. Payload's SEO plugin appends the
 * group to the articles' fields (below the body) and serves the "Automatisch generieren" buttons;
 * those answer only for collections named in `collections`, so the plugin places the fields
 * itself. Empty fields fall back to title, excerpt and hero image on the site. Readers may read
 * them; whoever may edit the article may edit them.
 */
export const articleSeoPlugin: Plugin = (incoming) => {
  const config: Config = seoPlugin({
    collections: ['articles'],
    uploadsCollection: 'images',
    fields: () => metaFields,
    generateTitle: ({ doc }) => articleMetaTitle(doc),
    generateDescription: ({ doc }) => articleMetaDescription(doc),
    generateURL: ({ doc }) => articleUrl(doc),
    generateImage: ({ doc }) => relationId(doc?.heroImage) ?? '',
  })(incoming)
  return {
    ...config,
    collections: config.collections?.map((collection) =>
      collection.slug === 'articles'
        ? { ...collection, fields: collection.fields.map(withGermanGroup) }
        : collection,
    ),
  }
}
