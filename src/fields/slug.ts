import type { FieldHook, TextField, Where } from 'payload'

import { slugify, uniqueSlug } from '@/lib/slug'

type SlugFieldOptions = {
  /** The field the slug is generated from when none is given. */
  from: string
  collection: 'articles' | 'sources'
}

/**
 * A unique, editable slug: generated from `from` when empty, normalised when typed by hand,
 * and suffixed `-2`, `-3`, … when another document already has it.
 */
export function slugField({ from, collection }: SlugFieldOptions): TextField {
  const formatSlug: FieldHook = async ({ value, siblingData, originalDoc, req }) => {
    const typed = typeof value === 'string' ? slugify(value) : ''
    const source = siblingData?.[from] ?? originalDoc?.[from]
    const base = typed || (typeof source === 'string' ? slugify(source) : '')
    if (!base) return value
    if (typed && typed === originalDoc?.slug) return typed
    const ownId = originalDoc?.id
    return uniqueSlug(base, async (candidate) => {
      const where: Where = {
        and: [{ slug: { equals: candidate } }, ...(ownId ? [{ id: { not_equals: ownId } }] : [])],
      }
      // Published documents and the newest drafts both count: a draft's slug must stay
      // free for the day it is published.
      for (const draft of [false, true]) {
        const { docs } = await req.payload.find({
          collection,
          draft,
          where,
          limit: 1,
          pagination: false,
          depth: 0,
          select: {},
          overrideAccess: true,
          req,
        })
        if (docs.length > 0) return true
      }
      return false
    })
  }

  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    label: { de: 'Slug (URL)', en: 'Slug (URL)' },
    admin: {
      position: 'sidebar',
      description: {
        de: 'Wird beim Anlegen aus dem Titel erzeugt; änderbar.',
        en: 'Generated from the title on create; editable.',
      },
    },
    hooks: { beforeValidate: [formatSlug] },
  }
}
