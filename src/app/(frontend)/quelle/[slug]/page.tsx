import type { Metadata } from 'next'

import { SourcePage, sourceMetadata } from '../../_components/SourcePage'

// Same caching as the article pages: rendered on first request, then cached until tags expire.
export const dynamicParams = true
export function generateStaticParams(): { slug: string }[] {
  return []
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return sourceMetadata((await params).slug, 1)
}

export default async function SourceFirstPage({ params }: Props) {
  return <SourcePage slug={(await params).slug} page={1} />
}
