/** Metadata shared by every page: canonical URL, the feed link, Open Graph defaults. */
import type { Metadata } from 'next'

import { FEED_PATH, SITE_DESCRIPTION, SITE_LOCALE, SITE_NAME } from './config'

export const feedAlternate = {
  'application/rss+xml': [{ url: FEED_PATH, title: `${SITE_NAME} – neueste Artikel` }],
}

type OpenGraph = NonNullable<Metadata['openGraph']>

export type PageMetadataInput = {
  title?: string
  description?: string | null
  /** Site-relative path of the canonical URL, e.g. `/artikel/…`. */
  path: string
  openGraph?: OpenGraph
  noIndex?: boolean
}

/**
 * `alternates` and `openGraph` replace the layout's values instead of merging with them, so each
 * page builds the full set here (the feed link must be on every page).
 */
export function pageMetadata({ title, description, path, openGraph, noIndex }: PageMetadataInput): Metadata {
  const text = description || SITE_DESCRIPTION
  return {
    ...(title ? { title } : {}),
    description: text,
    alternates: { canonical: path, types: feedAlternate },
    openGraph: {
      siteName: SITE_NAME,
      locale: SITE_LOCALE,
      type: 'website',
      title: title ?? SITE_NAME,
      description: text,
      url: path,
      ...openGraph,
    } as OpenGraph,
    ...(noIndex ? { robots: { index: false, follow: false } } : {}),
  }
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the tag. */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}
