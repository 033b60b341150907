import type { MetadataRoute } from 'next'

import { absoluteUrl } from '@/site/config'
import { articlePath, sourcePath } from '@/site/paths'
import { getSitemapEntries } from '@/site/content'

// Per request, from the tagged data cache (there is no API to ask at build time).
export const dynamic = 'force-dynamic'

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { articles, sources } = await getSitemapEntries()
  const newest = articles[0]?.publishedAt ?? undefined
  return [
    { url: absoluteUrl('/'), lastModified: newest, changeFrequency: 'hourly', priority: 1 },
    ...articles
      .filter((article) => article.slug)
      .map((article) => ({
        url: absoluteUrl(articlePath(article.slug!)),
        lastModified: article.updatedAt ?? article.publishedAt ?? undefined,
      })),
    ...sources
      .filter((source) => source.slug)
      .map((source) => ({
        url: absoluteUrl(sourcePath(source.slug!)),
        lastModified: source.updatedAt ?? undefined,
      })),
  ]
}
