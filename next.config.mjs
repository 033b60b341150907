import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  images: {
    localPatterns: [{ pathname: '/api/images/file/**' }],
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
