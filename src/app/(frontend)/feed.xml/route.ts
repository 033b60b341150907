import { absoluteUrl, FEED_PATH, SITE_DESCRIPTION, SITE_NAME, siteUrl } from '@/site/config'
import { getFeedArticles } from '@/site/content'
import { renderRss } from '@/site/feed'

// Rendered per request (no API at build time); the GraphQL answer itself comes from the data
// cache until a publish expires the `articles` tag.
export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const articles = await getFeedArticles()
  const xml = renderRss(
    {
      title: SITE_NAME,
      description: SITE_DESCRIPTION,
      siteUrl: siteUrl(),
      feedUrl: absoluteUrl(FEED_PATH),
    },
    articles,
  )
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/rss+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    },
  })
}
