/** Addresses on the public site. */

/** Where an article lives. */
export const articlePath = (slug: string): string => `/artikel/${encodeURIComponent(slug)}`

/** The reply link of a comment: a page of its own, so the cached article page stays static. */
export const replyPath = (articleSlug: string, commentId: string): string =>
  `${articlePath(articleSlug)}/antworten/${encodeURIComponent(commentId)}`

/** The home page and its further pages (`/`, `/seite/2`, …). */
export const homePath = (page = 1): string => (page <= 1 ? '/' : `/seite/${page}`)

/** A source's page and its further pages (`/quelle/ap`, `/quelle/ap/seite/2`, …). */
export const sourcePath = (slug: string, page = 1): string =>
  page <= 1
    ? `/quelle/${encodeURIComponent(slug)}`
    : `/quelle/${encodeURIComponent(slug)}/seite/${page}`

/**
 * A redirect target from a query string: only a path on this site (`/…`), never another origin
 * (`//evil.example`, `/\evil.example`, `https://…`). `undefined` when it is not one.
 */
export function sameSitePath(value: string | null | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
    return undefined
  try {
    const base = 'http://site.invalid'
    const url = new URL(value, base)
    if (url.origin !== base) return undefined
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return undefined
  }
}
