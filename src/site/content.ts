/**
 * The site's read operations: one function per thing a page shows, each sending one typed
 * GraphQL document through the client with the cache tags that expire it. `cache()` lets a page
 * and its `generateMetadata` share one request.
 */
import { cache } from 'react'

import { CLOCK_DEPENDENT_MAX_AGE_SECONDS, cacheTags } from '@/lib/revalidate'
import { query, type PreviewSession } from './client'
import { COMMENTS_LIMIT, FEED_SIZE, PAGE_SIZE, SITEMAP_LIMIT } from './config'
import {
  AdjacentArticlesQuery,
  ArticleCommentsQuery,
  ArticleListQuery,
  ArticleQuery,
  FeedQuery,
  SitemapQuery,
  SourceQuery,
} from './documents'
import type {
  ArticleLinkFragment,
  ArticleListQuery as ArticleListResult,
  ArticleQuery as ArticleResult,
  Article_Where,
} from './gql/graphql'

export type ArticleList = NonNullable<ArticleListResult['Articles']>
export type ArticleDetail = NonNullable<ArticleResult['Articles']>['docs'][number]
export type ArticleLink = ArticleLinkFragment & { slug: string }

/** Readers only ever ask for published documents (access control enforces it as well). */
const PUBLISHED: Article_Where = { _status: { equals: 'published' } }

const emptyList = (page: number): ArticleList => ({
  docs: [],
  page,
  totalPages: 0,
  totalDocs: 0,
  hasPrevPage: false,
  hasNextPage: false,
})

/** The newest published articles, `PAGE_SIZE` per page. */
export const getArticleList = cache(async (page: number): Promise<ArticleList> => {
  const data = await query(
    ArticleListQuery,
    { where: PUBLISHED, limit: PAGE_SIZE, page },
    { tags: [cacheTags.articles, cacheTags.images] },
  )
  return data.Articles ?? emptyList(page)
})

/**
 * One article by slug: the published version for readers; the newest draft in preview (with the
 * editor's token). `undefined` when readers may not see it.
 */
export const getArticle = cache(
  async (slug: string, previewToken: string | null = null): Promise<ArticleDetail | undefined> => {
    const preview: PreviewSession | null = previewToken ? { token: previewToken } : null
    const where: Article_Where = preview
      ? { slug: { equals: slug } }
      : { ...PUBLISHED, slug: { equals: slug } }
    const data = await query(
      ArticleQuery,
      { where },
      {
        tags: [cacheTags.article(slug), cacheTags.images, cacheTags.sources],
        preview,
        // The answer carries `commentsOpen`, which turns false when the comment period ends.
        maxAgeSeconds: CLOCK_DEPENDENT_MAX_AGE_SECONDS,
      },
    )
    return data.Articles?.docs[0] ?? undefined
  },
)

const hasSlug = (article: ArticleLinkFragment | undefined): article is ArticleLink =>
  Boolean(article?.slug)

/**
 * The previous (older) and next (newer) published article in the home page's order: by
 * publication date, articles of the same moment by id, exactly as `ArticleList` sorts them.
 */
export const getAdjacentArticles = cache(
  async (
    id: string,
    slug: string,
    publishedAt: string | null | undefined,
  ): Promise<{ older?: ArticleLink; newer?: ArticleLink }> => {
    if (!publishedAt) return {}
    const data = await query(
      AdjacentArticlesQuery,
      {
        older: { ...PUBLISHED, publishedAt: { less_than: publishedAt } },
        newer: { ...PUBLISHED, publishedAt: { greater_than: publishedAt } },
        same: { ...PUBLISHED, publishedAt: { equals: publishedAt } },
      },
      // The article hook moves this tag when a neighbour appears, changes or goes.
      { tags: [cacheTags.article(slug)] },
    )
    const same = data.same?.docs ?? []
    const index = same.findIndex((doc) => doc.id === id)
    const older = index >= 0 && index + 1 < same.length ? same[index + 1] : data.older?.docs[0]
    const newer = index > 0 ? same[index - 1] : data.newer?.docs[0]
    return { older: hasSlug(older) ? older : undefined, newer: hasSlug(newer) ? newer : undefined }
  },
)

/** Approved comments of an article, oldest first, for readers (never an email address). */
export const getComments = cache(async (articleId: string) => {
  const data = await query(
    ArticleCommentsQuery,
    {
      where: { article: { equals: articleId }, status: { equals: 'approved' } },
      limit: COMMENTS_LIMIT,
    },
    { tags: [cacheTags.articleComments(articleId)] },
  )
  return data.Comments?.docs ?? []
})

export const getSource = cache(async (slug: string) => {
  const data = await query(SourceQuery, { slug }, { tags: [cacheTags.sources] })
  return data.Sources?.docs[0] ?? undefined
})

/** Published articles that name a source, newest first. */
export const getArticlesBySource = cache(
  async (source: { id: string; slug: string }, page: number): Promise<ArticleList> => {
    const data = await query(
      ArticleListQuery,
      { where: { ...PUBLISHED, sources: { in: [source.id] } }, limit: PAGE_SIZE, page },
      // The article hook moves this tag for the sources an article names (before and after).
      { tags: [cacheTags.source(source.slug), cacheTags.images] },
    )
    return data.Articles ?? emptyList(page)
  },
)

export async function getSitemapEntries() {
  const data = await query(
    SitemapQuery,
    { where: PUBLISHED, limit: SITEMAP_LIMIT },
    { tags: [cacheTags.articles, cacheTags.sources] },
  )
  return { articles: data.Articles?.docs ?? [], sources: data.Sources?.docs ?? [] }
}

export async function getFeedArticles() {
  const data = await query(
    FeedQuery,
    { where: PUBLISHED, limit: FEED_SIZE },
    { tags: [cacheTags.articles, cacheTags.sources] },
  )
  return data.Articles?.docs ?? []
}
