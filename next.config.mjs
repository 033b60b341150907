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
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
