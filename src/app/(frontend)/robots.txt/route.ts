import { absoluteUrl } from '@/site/config'

// A route handler: the `robots.ts` file convention only works at the top of `app/`, outside the
// site's route group. Per request, because the sitemap's address depends on the deployment.
export const dynamic = 'force-dynamic'

export function GET(): Response {
  const lines = [
    'User-agent: *',
    'Allow: /',
    // Pictures are served under /api; the rest of the API, the admin and preview are not for crawlers.
    'Allow: /api/images/file/',
    'Disallow: /admin',
    'Disallow: /api/',
    'Disallow: /next/',
    '',
    `Sitemap: ${absoluteUrl('/sitemap.xml')}`,
    '',
  ]
  return new Response(lines.join('\n'), {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    },
  })
}
