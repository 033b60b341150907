import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before building; checking again
  // inside `next build` would double the build's time and memory on our 2-core machines.
  typescript: { ignoreBuildErrors: true },
  images: {
    localPatterns: [{ pathname: '/api/images/file/**' }],
  },
  experimental: {
    // Rendered pages and GraphQL answers are cached in memory only. Which tags were expired is
    // known only to the running process, so a cache written to .next/ would serve stale pages
    // after a restart (or content changed by `npm run seed` meanwhile); a restart starts cold.
    isrFlushToDisk: false,
    // German 404 page (src/app/global-not-found.tsx) for addresses no route matches.
    globalNotFound: true,
  },
  async rewrites() {
    return {
      // The home page is the first page of the article list: rendered on its first request and
      // cached like every other list page (a page at `/` would be prerendered during the build,
      // when there is no API to ask).
      beforeFiles: [{ source: '/', destination: '/seite/1' }],
    }
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
