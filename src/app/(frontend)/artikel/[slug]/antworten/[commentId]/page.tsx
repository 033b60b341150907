import type { Metadata } from 'next'
import { connection } from 'next/server'

import { COMMENT_MAX_DEPTH } from '@/comments/policy'
import { commentFormToken } from '@/comments/secrets'
import { isSlug } from '@/site/config'
import { getArticle, getComments } from '@/site/content'
import { articlePath, replyPath } from '@/site/paths'
import { pageMetadata } from '@/site/seo'
import { ArticleView } from '../../../../_components/ArticleView'
import { NotFoundResponse } from '../../../../_components/NotFound'

/**
 * The article page with the comment form set to answer one comment — the target of a comment's
 * „Antworten“ link. Rendered per request (unlike the cached article page), so it works without
 * JavaScript and its form token is made with the page. Data comes from the tagged fetch cache.
 * Only approved comments of the article below the deepest level can be answered; else a 404.
 */
type Props = { params: Promise<{ slug: string; commentId: string }> }

async function load(params: Props['params']) {
  const { slug, commentId } = await params
  if (!isSlug(slug) || !/^[0-9A-Za-z_-]{1,64}$/.test(commentId)) return {}
  const article = await getArticle(slug)
  if (!article?.slug) return {}
  const parent = (await getComments(article.id)).find((comment) => comment.id === commentId)
  if (!parent || (parent.level ?? 1) >= COMMENT_MAX_DEPTH) return {}
  return { article: { ...article, slug: article.slug }, parent }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article, parent } = await load(params)
  if (!article || !parent)
    return { title: 'Seite nicht gefunden', robots: { index: false, follow: true } }
  return {
    // Canonical: the article itself; this page is only a form state of it.
    ...pageMetadata({
      title: `Antwort an ${parent.authorName}: ${article.title}`,
      description: article.excerpt,
      path: articlePath(article.slug),
    }),
    robots: { index: false, follow: true },
  }
}

export default async function ReplyPage({ params }: Props) {
  await connection()
  const { article, parent } = await load(params)
  if (!article || !parent) return <NotFoundResponse />
  return (
    <ArticleView
      article={article}
      pagePath={replyPath(article.slug, parent.id)}
      replyTo={{
        id: parent.id,
        authorName: parent.authorName,
        cancelHref: `${articlePath(article.slug)}#kommentar-${parent.id}`,
      }}
      formToken={article.commentsOpen ? commentFormToken() : null}
    />
  )
}
