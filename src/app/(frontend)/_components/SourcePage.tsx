import type { Metadata } from 'next'
import { isSlug } from '@/site/config'
import { sourcePath } from '@/site/paths'
import { getArticlesBySource, getSource } from '@/site/content'
import { pageMetadata } from '@/site/seo'
import { ArticleGrid } from './ArticleGrid'
import { NotFoundResponse } from './NotFound'
import { safeHttpUrl } from './HeroFigure'

const KIND_LABELS: Record<string, string> = {
  agency: 'Nachrichtenagentur',
  newspaper: 'Zeitung',
  broadcaster: 'Sender',
  website: 'Website',
}

const titleFor = (name: string, page: number) =>
  page > 1 ? `Artikel mit ${name} – Seite ${page}` : `Artikel mit ${name}`

export async function sourceMetadata(slug: string, page: number): Promise<Metadata> {
  if (!isSlug(slug))
    return { title: 'Seite nicht gefunden', robots: { index: false, follow: true } }
  const source = await getSource(slug)
  if (!source?.slug)
    return { title: 'Seite nicht gefunden', robots: { index: false, follow: true } }
  return pageMetadata({
    title: titleFor(source.name, page),
    description: `Artikel, die Material von ${source.name} verwenden.`,
    path: sourcePath(source.slug, page),
  })
}

/** Published articles that name one source, newest first, paginated like the home page. */
export async function SourcePage({ slug, page }: { slug: string; page: number }) {
  if (!isSlug(slug)) return <NotFoundResponse />
  const source = await getSource(slug)
  if (!source?.slug) return <NotFoundResponse />
  const list = await getArticlesBySource({ id: source.id, slug: source.slug }, page)
  if (page > 1 && page > list.totalPages) return <NotFoundResponse />
  const website = safeHttpUrl(source.url)
  const kind = source.kind ? KIND_LABELS[source.kind] : undefined
  return (
    <div className="wrap">
      <header className="page-header">
        <p className="eyebrow">Quelle{kind ? ` · ${kind}` : ''}</p>
        <h1 className="page-title">{titleFor(source.name, page)}</h1>
        {website ? (
          <p className="meta">
            Website: <a href={website}>{new URL(website).host}</a>
          </p>
        ) : null}
      </header>
      <ArticleGrid list={list} pagePath={(n) => sourcePath(source.slug!, n)} />
    </div>
  )
}
