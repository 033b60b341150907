/** Metadata shared by every page: canonical URL, the feed link, Open Graph defaults. */
import type { Metadata } from 'next'

import { absoluteUrl, FEED_PATH, SITE_DESCRIPTION, SITE_LOCALE, SITE_NAME } from './config'
import type { ArticleQuery } from './gql/graphql'
import { articlePath } from './paths'

type ArticleDetail = NonNullable<ArticleQuery['Articles']>['docs'][number]

/**
 * The picture shared links show when a page has none of its own (an article without a hero
 * image, the home page): public/og-default.png, 1200×630.
 */
export const DEFAULT_OG_IMAGE = { url: '/og-default.png', width: 1200, height: 630, alt: SITE_NAME }

/** "Anna Autorin", "Anna Autorin und Otto Autor", "A, B und C". */
export function bylineText(
  names: readonly (string | null | undefined)[] | null | undefined,
): string {
  const list = (names ?? [])
    .map((name) => name?.trim())
    .filter((name): name is string => Boolean(name))
  if (list.length <= 1) return list[0] ?? ''
  return `${list.slice(0, -1).join(', ')} und ${list.at(-1)}`
}

export const feedAlternate = {
  'application/rss+xml': [{ url: FEED_PATH, title: `${SITE_NAME} – neueste Artikel` }],
}

type OpenGraph = NonNullable<Metadata['openGraph']>

export type PageMetadataInput = {
  title?: string
  /** A title used as it is, without the site's " – Newsroom" (an editor's meta title). */
  fullTitle?: string
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
export function pageMetadata({
  title,
  fullTitle,
  description,
  path,
  openGraph,
  noIndex,
}: PageMetadataInput): Metadata {
  const text = description || SITE_DESCRIPTION
  return {
    ...(fullTitle ? { title: { absolute: fullTitle } } : title ? { title } : {}),
    description: text,
    alternates: { canonical: path, types: feedAlternate },
    openGraph: {
      siteName: SITE_NAME,
      locale: SITE_LOCALE,
      type: 'website',
      title: fullTitle || title || SITE_NAME,
      description: text,
      url: path,
      ...openGraph,
      images: openGraph?.images ?? [DEFAULT_OG_IMAGE],
    } as OpenGraph,
    ...(noIndex ? { robots: { index: false, follow: false } } : {}),
  }
}

type ImageLike = {
  url?: string | null
  width?: number | null
  height?: number | null
  alt?: string | null
  sizes?: {
    og?: { url?: string | null; width?: number | null; height?: number | null } | null
  } | null
}

type OgImage = { url: string; width: number; height: number; alt?: string }

/** An image's 1200×630 crop; with `orOriginal`, the image itself when it has none (too small). */
function ogImageOf(image: ImageLike | null | undefined, orOriginal: boolean): OgImage | undefined {
  const og = image?.sizes?.og
  const alt = image?.alt ?? undefined
  if (og?.url) return { url: og.url, width: og.width ?? 1200, height: og.height ?? 630, alt }
  if (orOriginal && image?.url)
    return { url: image.url, width: image.width ?? 1200, height: image.height ?? 630, alt }
  return undefined
}

const filled = (value: string | null | undefined): string | undefined =>
  value?.trim() ? value.trim() : undefined

/**
 * The `<head>` of an article page: the editor's meta title, description and sharing image
 * (SEO fields) where set; otherwise the title (with the site's suffix), the excerpt and the
 * hero image's crop, else the site's default picture.
 */
export function articleMetadata(
  article: ArticleDetail & { slug: string },
  { noIndex = false }: { noIndex?: boolean } = {},
): Metadata {
  const image = ogImageOf(article.meta?.image, true) ?? ogImageOf(article.heroImage, false)
  return pageMetadata({
    title: article.title ?? undefined,
    fullTitle: filled(article.meta?.title),
    description: filled(article.meta?.description) ?? article.excerpt,
    path: articlePath(article.slug),
    noIndex,
    openGraph: {
      type: 'article',
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt ?? undefined,
      images: image ? [image] : undefined,
    },
  })
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the tag. */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** The authors as schema.org people; the site itself when the article names none. */
function authorsOf(article: Pick<ArticleDetail, 'byline'>) {
  const names = (article.byline ?? [])
    .map((name) => name?.trim())
    .filter((name): name is string => Boolean(name))
  if (names.length === 0) return { '@type': 'Organization', name: SITE_NAME, url: absoluteUrl('/') }
  return names.map((name) => ({ '@type': 'Person', name }))
}

/** schema.org `NewsArticle` for an article page's JSON-LD. */
export function newsArticleJsonLd(article: ArticleDetail & { slug: string }) {
  const image = article.heroImage
  const images = [image?.sizes?.og?.url, image?.sizes?.hero?.url, image?.url].filter(
    (url): url is string => Boolean(url),
  )
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.excerpt ?? undefined,
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt ?? article.publishedAt ?? undefined,
    dateline: article.dateline ?? undefined,
    inLanguage: article.language ?? 'de',
    mainEntityOfPage: absoluteUrl(articlePath(article.slug)),
    image: (images.length > 0 ? images : [DEFAULT_OG_IMAGE.url])
      .map((url) => absoluteUrl(url))
      .filter((url, index, all) => all.indexOf(url) === index),
    isAccessibleForFree: true,
    author: authorsOf(article),
    publisher: { '@type': 'Organization', name: SITE_NAME, url: absoluteUrl('/') },
    ...(article.sources?.length
      ? {
          sourceOrganization: article.sources.map((source) => ({
            '@type': 'Organization',
            name: source.name,
          })),
        }
      : {}),
  }
}
