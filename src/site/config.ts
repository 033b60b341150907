/** Names and addresses of the public site. */
export const SITE_NAME = 'Newsroom'
export const SITE_DESCRIPTION =
  'Nachrichten aus Politik, Wirtschaft und Gesellschaft – sorgfältig recherchiert, klar erzählt.'
export const SITE_LOCALE = 'de_DE'

/** Articles per page on the home page and on source pages. */
export const PAGE_SIZE = 12
/** Items in the feed. */
export const FEED_SIZE = 20
/** Upper bound for one sitemap (the protocol allows 50 000 URLs). */
export const SITEMAP_LIMIT = 5000
/** Approved comments shown under an article. */
export const COMMENTS_LIMIT = 500

export const FEED_PATH = '/feed.xml'

/**
 * The public origin, for canonical URLs, feeds, the sitemap and Open Graph: `SITE_URL`, else the
 * server URL Payload uses, else the local server. Read at request time, never baked into the build.
 */
export function siteUrl(): string {
  const url =
    process.env.SITE_URL ||
    process.env.NEXT_PUBLIC_SERVER_URL ||
    `http://localhost:${process.env.PORT || 3000}`
  return url.replace(/\/+$/, '')
}

export const absoluteUrl = (path: string): string => new URL(path, `${siteUrl()}/`).toString()

/** A page number from the URL: a plain positive integer (`1`, `2`, …), nothing else. */
export function parsePageNumber(value: string | undefined): number | undefined {
  if (!value || !/^[1-9]\d{0,5}$/.test(value)) return undefined
  return Number(value)
}

/** Slugs are always made by `slugify` (src/lib/slug.ts): lower-case ASCII words joined by hyphens. */
export function isSlug(value: string | undefined): value is string {
  return Boolean(value && value.length <= 120 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value))
}
