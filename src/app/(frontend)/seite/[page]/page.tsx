import type { Metadata } from 'next'
import { parsePageNumber, SITE_DESCRIPTION, SITE_NAME } from '@/site/config'
import { homePath } from '@/site/paths'
import { getArticleList } from '@/site/content'
import { pageMetadata } from '@/site/seo'
import { ArticleGrid } from '../../_components/ArticleGrid'
import { NotFoundResponse } from '../../_components/NotFound'

// Nothing is rendered at build time (there is no API then); each page renders on its first
// request and is then served from the full route cache until a publish expires its tags.
// `/` is this page's first page (rewrite in next.config.mjs).
export const dynamicParams = true
export function generateStaticParams(): { page: string }[] {
  return []
}

type Props = { params: Promise<{ page: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = parsePageNumber((await params).page)
  if (!page || (page > 1 && page > (await getArticleList(page)).totalPages)) {
    return { title: 'Seite nicht gefunden', robots: { index: false, follow: true } }
  }
  return pageMetadata({
    title: page === 1 ? undefined : `Neueste Artikel – Seite ${page}`,
    description: SITE_DESCRIPTION,
    path: homePath(page),
    openGraph: page === 1 ? { title: SITE_NAME } : undefined,
  })
}

export default async function HomePage({ params }: Props) {
  const page = parsePageNumber((await params).page)
  if (!page) return <NotFoundResponse />
  const list = await getArticleList(page)
  if (page > 1 && page > list.totalPages) return <NotFoundResponse />
  return (
    <div className="wrap">
      <h1 className="page-title">
        {page === 1 ? 'Neueste Artikel' : `Neueste Artikel – Seite ${page}`}
      </h1>
      <ArticleGrid list={list} pagePath={homePath} />
    </div>
  )
}
