import type { Metadata } from 'next'
import { articlePath } from '@/lib/preview'
import { absoluteUrl, isSlug, SITE_NAME, sourcePath } from '@/site/config'
import { getAdjacentArticles, getArticle, getComments, type ArticleDetail } from '@/site/content'
import { previewToken } from '@/site/preview'
import { jsonLd, pageMetadata } from '@/site/seo'
import { ArticleBody } from '../../_components/ArticleBody'
import { ArticleMeta } from '../../_components/ArticleMeta'
import { CommentSection } from '../../_components/CommentList'
import { HeroFigure } from '../../_components/HeroFigure'
import { LivePreviewRefresh } from '../../_components/LivePreviewRefresh'
import { NotFoundResponse } from '../../_components/NotFound'

// Rendered on the first request, then served from the full route cache until the article's
// tags expire (publish, edit, comment approval). Unknown and unpublished slugs are a 404.
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
  if (!article?.slug) return { title: 'Seite nicht gefunden', robots: { index: false, follow: true } }
  const og = article.heroImage?.sizes?.og
  return pageMetadata({
    title: article.title ?? undefined,
    description: article.excerpt,
    path: articlePath(article.slug),
    noIndex: Boolean(token),
    openGraph: {
      type: 'article',
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt ?? undefined,
      images: og?.url
        ? [{ url: og.url, width: og.width ?? 1200, height: og.height ?? 630, alt: article.heroImage?.alt }]
        : undefined,
    },
  })
}

function newsArticle(article: ArticleDetail) {
  const image = article.heroImage
  const images = [image?.sizes?.og?.url, image?.sizes?.hero?.url, image?.url].filter((url): url is string => Boolean(url))
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.excerpt ?? undefined,
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt ?? article.publishedAt ?? undefined,
    dateline: article.dateline ?? undefined,
    inLanguage: article.language ?? 'de',
    mainEntityOfPage: absoluteUrl(articlePath(article.slug!)),
    ...(images.length > 0 ? { image: [...new Set(images.map((url) => absoluteUrl(url)))] } : {}),
    isAccessibleForFree: true,
    author: { '@type': 'Organization', name: SITE_NAME, url: absoluteUrl('/') },
    publisher: { '@type': 'Organization', name: SITE_NAME, url: absoluteUrl('/') },
    ...(article.sources?.length
      ? { sourceOrganization: article.sources.map((source) => ({ '@type': 'Organization', name: source.name })) }
      : {}),
  }
}

export default async function ArticlePage({ params }: Props) {
  const { article, token } = await load(params)
  if (!article?.slug) return <NotFoundResponse />

  const [adjacent, comments] = await Promise.all([
    getAdjacentArticles(article.id, article.publishedAt),
    getComments(article.id),
  ])
  const sources = article.sources ?? []

  return (
    <div className="wrap narrow">
      {token ? <LivePreviewRefresh /> : null}
      <article className="article" lang={article.language && article.language !== 'de' ? article.language : undefined}>
        <header className="article__header">
          <h1>{article.title}</h1>
          <ArticleMeta dateline={article.dateline} publishedAt={article.publishedAt} withTime />
          {token && article._status !== 'published' ? <p className="draft-note">Entwurf – noch nicht veröffentlicht</p> : null}
        </header>
        {article.heroImage ? <HeroFigure image={article.heroImage} /> : null}
        <ArticleBody content={article.content} />
        {sources.length > 0 ? (
          <p className="sources">
            Mit Dateien von{' '}
            {sources.map((source, index) => (
              <span key={source.id}>
                {index === 0 ? null : index === sources.length - 1 ? ' und ' : ', '}
                {source.slug ? <a href={sourcePath(source.slug)}>{source.name}</a> : source.name}
              </span>
            ))}
          </p>
        ) : null}
      </article>

      {adjacent.older || adjacent.newer ? (
        <nav className="adjacent" aria-label="Weitere Artikel">
          {adjacent.older ? (
            <a className="adjacent__link adjacent__link--older" href={articlePath(adjacent.older.slug)} rel="prev">
              <span className="adjacent__label">← Älterer Artikel</span>
              <span className="adjacent__title">{adjacent.older.title}</span>
            </a>
          ) : (
            <span />
          )}
          {adjacent.newer ? (
            <a className="adjacent__link adjacent__link--newer" href={articlePath(adjacent.newer.slug)} rel="next">
              <span className="adjacent__label">Neuerer Artikel →</span>
              <span className="adjacent__title">{adjacent.newer.title}</span>
            </a>
          ) : null}
        </nav>
      ) : null}

      <CommentSection comments={comments} />

      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd(newsArticle(article)) }} />
    </div>
  )
}
