import { derivedSecret } from './secret'

/**
 * Cache tags the public site's data layer attaches to its GraphQL fetches, and that content
 * changes invalidate. One list, so reader pages and hooks can never disagree on a name.
 */
export const cacheTags = {
  /** On every answer the site caches: expiring it refreshes the whole site. */
  site: 'site',
  /** The article lists: home pages, feed, sitemap; GraphQL answers reading `Articles`. */
  articles: 'articles',
  /** One article's page: its text, previous/next links and approved comments. */
  article: (slug: string) => `article:${slug}`,
  /** A source's page: its name and the articles naming it. */
  source: (slug: string) => `source:${slug}`,
  sources: 'sources',
  images: 'images',
  users: 'users',
  /** GraphQL answers reading `Comments`. */
  comments: 'comments',
  /** One article's approved comments (the site's data). */
  articleComments: (articleId: string) => `comments:${articleId}`,
} as const

const REVALIDATE_ROUTE = '/next/revalidate'

/**
 * How long an answer that also depends on the clock may be kept, by the site's data cache and
 * the response cache alike: an article's `commentsOpen` turns false when its comment period
 * ends, and no write announces that moment, so no tag or content version expires it.
 */
export const CLOCK_DEPENDENT_MAX_AGE_SECONDS = 60

/**
 * Set to `1` by the request pipeline (src/server/pipeline.ts) on every request it hands to
 * Next.js, after removing whatever a client sent under that name: hooks of such a request run
 * inside Next's request scope, where `revalidateTag` works.
 */
export const NEXT_SCOPE_HEADER = 'x-newsroom-next-scope'

declare global {
  /** Where this process's own site answers (set by src/server/main.ts once it listens). */
  var __newsroomSiteOrigin: string | undefined
}

/** Called by src/server/main.ts once it listens: tag expiries from outside Next's scope go there. */
export function serveTagExpiryAt(origin: string | undefined): void {
  globalThis.__newsroomSiteOrigin = origin
}

/**
 * Expires the tags at once, so the next reader request renders fresh content. Two cases, told
 * apart by the request, never by trying:
 *
 * - A request Next.js handles (admin, REST and server actions through Next's routes): its
 *   hooks run in Next's request scope, so `revalidateTag` is called directly.
 * - Everything else in a running server (Payload's API fast path, the jobs queue publishing a
 *   scheduled article): the one other mechanism, Next's documented on-demand revalidation
 *   through a route handler: `POST /next/revalidate` on this server, with its secret.
 *
 * Scripts and tests, which run no site, do nothing.
 */
export async function revalidateTags(tags: string[], req?: { headers?: Headers }): Promise<void> {
  if (tags.length === 0) return
  if (req?.headers?.get(NEXT_SCOPE_HEADER) === '1') {
    const { revalidateTag } = await import('next/cache')
    for (const tag of tags) revalidateTag(tag, { expire: 0 })
    return
  }
  const origin = globalThis.__newsroomSiteOrigin
  if (origin) await expireTagsAt(origin, tags)
}

/** Tags per request to the revalidation route (it takes at most 100). */
const TAGS_PER_REQUEST = 100

/**
 * Asks the site at `origin` (this process's) to expire the tags at once; resolves when its
 * revalidation route has answered. The response cache calls this when it learns of a change —
 * which may have been made on another server instance, whose tag expiry never reached this one.
 */
export async function expireTagsAt(origin: string, tags: string[]): Promise<void> {
  for (let start = 0; start < tags.length; start += TAGS_PER_REQUEST) {
    const response = await fetch(`${origin}${REVALIDATE_ROUTE}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-revalidate-secret': revalidateSecret() },
      body: JSON.stringify({ tags: tags.slice(start, start + TAGS_PER_REQUEST) }),
      signal: AbortSignal.timeout(5_000),
    })
    if (!response.ok) throw new Error(`${REVALIDATE_ROUTE} answered HTTP ${response.status}`)
  }
}

export function revalidateSecret(): string {
  return process.env.REVALIDATE_SECRET || derivedSecret('revalidate')
}
