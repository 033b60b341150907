import { derivedSecret } from './secret'

/**
 * Cache tags the public site's data layer attaches to its GraphQL fetches, and that content
 * changes invalidate. One list, so reader pages and hooks can never disagree on a name.
 */
export const cacheTags = {
  /** On every answer the site caches: expiring it refreshes the whole site. */
  site: 'site',
  articles: 'articles',
  article: (slug: string) => `article:${slug}`,
  sources: 'sources',
  images: 'images',
  comments: (articleId: string) => `comments:${articleId}`,
} as const

export const REVALIDATE_ROUTE = '/next/revalidate'

/**
 * How long an answer that also depends on the clock may be kept, by the site's data cache and
 * the response cache alike: an article's `commentsOpen` turns false when its comment period
 * ends, and no write announces that moment, so no tag or content version expires it.
 */
export const CLOCK_DEPENDENT_MAX_AGE_SECONDS = 60

/**
 * Expires the tags at once, so the next reader request renders fresh content. Inside a Next.js
 * request this calls `revalidateTag`; elsewhere in a running server (the in-process jobs queue
 * firing a scheduled publish) it asks the server's own revalidation route. Scripts and tests,
 * which have no site, do nothing.
 */
export async function revalidateTags(tags: string[]): Promise<void> {
  if (tags.length === 0 || !process.env.NEXT_RUNTIME) return
  try {
    const { revalidateTag } = await import('next/cache')
    for (const tag of tags) revalidateTag(tag, { expire: 0 })
    return
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('static generation store missing')) throw error
  }
  await expireTagsOnServer(Number(process.env.PORT) || 3000, tags).catch(() => undefined)
}

/** Asks the Next.js server of this process, listening on `port`, to expire the tags at once. */
async function expireTagsOnServer(port: number, tags: string[]): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}${REVALIDATE_ROUTE}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-revalidate-secret': revalidateSecret() },
    body: JSON.stringify({ tags }),
    signal: AbortSignal.timeout(5_000),
  })
  if (!response.ok) throw new Error(`${REVALIDATE_ROUTE} answered HTTP ${response.status}`)
}

export function revalidateSecret(): string {
  return process.env.REVALIDATE_SECRET || derivedSecret('revalidate')
}

/**
 * Expires every cached site page and data-layer answer of the Next.js server listening on
 * `port` (this process), and resolves once its revalidation route has answered. The response
 * cache calls this when it sees a new content version — the change may have been made on
 * another server instance, whose tag expiry never reached this one.
 */
export function expireSiteCache(port: number): Promise<void> {
  return expireTagsOnServer(port, [cacheTags.site])
}
