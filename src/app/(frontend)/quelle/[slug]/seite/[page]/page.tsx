import type { Metadata } from 'next'
import { parsePageNumber } from '@/site/config'
import { NotFoundResponse } from '../../../../_components/NotFound'
import { SourcePage, sourceMetadata } from '../../../../_components/SourcePage'

export const dynamicParams = true
export function generateStaticParams(): { slug: string; page: string }[] {
  return []
}

type Props = { params: Promise<{ slug: string; page: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params
  const number = parsePageNumber(page)
  return number && number > 1
    ? sourceMetadata(slug, number)
    : { title: 'Seite nicht gefunden', robots: { index: false, follow: true } }
}

export default async function SourceListPage({ params }: Props) {
  const { slug, page } = await params
  const number = parsePageNumber(page)
  // Page 1 lives at /quelle/<slug>.
  if (!number || number === 1) return <NotFoundResponse />
  return <SourcePage slug={slug} page={number} />
}
