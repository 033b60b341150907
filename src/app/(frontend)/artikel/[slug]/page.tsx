import type { Metadata } from 'next'
import { articlePath } from '@/site/paths'
import { isSlug } from '@/site/config'
import { getArticle } from '@/site/content'
import { previewToken } from '@/site/preview'
import { articleMetadata } from '@/site/seo'
import { ArticleView } from '../../_components/ArticleView'
import { NotFoundResponse } from '../../_components/NotFound'

// Rendered on the first request, then served from the full route cache until the article's
// tags expire (publish, edit, comment approval). Unknown and unpublished slugs are a 404.
// The comment form in it holds nothing per reader: its form token is fetched by the browser
// (CommentForm), and reply links lead to a page of their own (antworten/[commentId]).
export const dynamicParams = true
export function generateStaticParams(): { slug: string }[] {
  return []
}

type Props = { params: Promise<{ slug: string }> }

async function load(params: Props['params']) {
  const { slug } = await params
  if (!isSlug(slug)) return { article: undefined, token: null }
  const token = await previewToken()
  return { article: await getArticle(slug, token), token }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article, token } = await load(params)
  if (!article?.slug)
    return { title: 'Seite nicht gefunden', robots: { index: false, follow: true } }
  return articleMetadata({ ...article, slug: article.slug }, { noIndex: Boolean(token) })
}

export default async function ArticlePage({ params }: Props) {
  const { article, token } = await load(params)
  if (!article?.slug) return <NotFoundResponse />
  return (
    <ArticleView
      article={{ ...article, slug: article.slug }}
      preview={Boolean(token)}
      pagePath={articlePath(article.slug)}
    />
  )
}
