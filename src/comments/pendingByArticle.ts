import type { Payload, TypedUser } from 'payload'

import { relationId } from '@/lib/relationId'

export type PendingArticle = {
  /** The article's ID. */
  id: string
  /** The article's current title (its newest draft), `null` when it has none. */
  title: string | null
  /** Comments on it waiting for moderation. */
  count: number
  /** When the newest of them arrived. */
  newest: string
}

export type PendingOverview = {
  /** All comments waiting for moderation. */
  total: number
  /** The articles with the newest pending comments, newest first. */
  articles: PendingArticle[]
}

/** How many pending comments are read to find the articles with the newest ones. */
const SCAN = 200

/**
 * The moderation queue for the dashboard: how many comments wait, and on which articles (the
 * `limit` articles with the newest pending comments, each with its exact count). Everything is
 * read with the user's own rights, so someone who may not see pending comments gets nothing.
 */
export async function pendingCommentsByArticle(
  payload: Payload,
  user: TypedUser | null | undefined,
  { limit = 5 }: { limit?: number } = {},
): Promise<PendingOverview> {
  const asUser = { overrideAccess: false, user: user ?? null } as const
  const pending = { status: { equals: 'pending' } } as const
  const { totalDocs: total } = await payload.count({
    collection: 'comments',
    where: pending,
    ...asUser,
  })
  if (!total) return { total, articles: [] }

  // Newest pending comments first; the first `limit` distinct articles among them.
  const { docs } = await payload.find({
    collection: 'comments',
    where: pending,
    sort: '-createdAt',
    limit: SCAN,
    depth: 0,
    pagination: false,
    select: { article: true, createdAt: true },
    ...asUser,
  })
  const newest = new Map<string, string>()
  for (const doc of docs) {
    const id = relationId(doc.article)
    if (id && !newest.has(id)) newest.set(id, doc.createdAt)
    if (newest.size >= limit) break
  }
  const ids = [...newest.keys()]
  if (!ids.length) return { total, articles: [] }

  const [counts, titles] = await Promise.all([
    Promise.all(
      ids.map((id) =>
        payload
          .count({
            collection: 'comments',
            where: { and: [pending, { article: { equals: id } }] },
            ...asUser,
          })
          .then(({ totalDocs }) => totalDocs),
      ),
    ),
    payload
      .find({
        collection: 'articles',
        where: { id: { in: ids } },
        draft: true,
        depth: 0,
        limit: ids.length,
        pagination: false,
        select: { title: true },
        ...asUser,
      })
      .then(({ docs: articles }) => new Map(articles.map((a) => [String(a.id), a.title ?? null]))),
  ])
  return {
    total,
    articles: ids.map((id, index) => ({
      id,
      title: titles.get(id) ?? null,
      count: counts[index],
      newest: newest.get(id)!,
    })),
  }
}

/** The admin's comment list filtered to one article's pending comments (as Payload's filter UI writes it). */
export const pendingCommentsListHref = (adminRoute: string, articleId?: string) => {
  const params = new URLSearchParams({ 'where[or][0][and][0][status][equals]': 'pending' })
  if (articleId) params.set('where[or][0][and][1][article][equals]', articleId)
  return `${adminRoute}/collections/comments?${params.toString()}`
}
