/** Whether this server start should try the first-start seed (see src/seed/seedOnStart.ts). */
export function shouldSeedOnStart(env: Record<string, string | undefined> = process.env): boolean {
  return env.NEXT_RUNTIME === 'nodejs' && env.SEED_ON_START !== 'false' && env.NEXT_PHASE !== 'phase-production-build'
}

/**
 * Runs once when a Next.js server starts. Payload, sharp and the database exist only in the
 * Node.js runtime: the imports sit inside the literal `NEXT_RUNTIME === 'nodejs'` branch, which
 * Next.js inlines, so the edge bundle drops them.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // In front of Next.js (src/lib/http/interceptRequests.ts), the last installed runs first, so
    // a request meets: response cache → peer-address stamp → API front door → Next.js.
    //
    // Payload's API (GraphQL, REST writes with JSON bodies): answered before Next.js's router.
    const { apiFrontDoorEnabled, installApiFrontDoor } = await import('./lib/apiFrontDoor')
    if (apiFrontDoorEnabled()) {
      const { graphqlPost } = await import('./lib/graphql/handler')
      const { handleEndpoints } = await import('payload')
      const { default: config } = await import('@payload-config')
      installApiFrontDoor({ graphql: graphqlPost(config), rest: (request) => handleEndpoints({ config, request }) })
    }
    // Comments: stamp the TCP peer address on every request before Next.js handles it, so the
    // rate limit can tell a client's own X-Forwarded-For from a trusted proxy's (src/comments/clientIp.ts).
    const { installPeerIpStamp } = await import('./comments/peerIpStamp')
    installPeerIpStamp()
    // Anonymous readers: answers kept in memory in front of Next.js (src/lib/responseCache).
    const { installResponseCache, responseCacheSettings } = await import('./lib/responseCache/install')
    const { enabled, maxBytes } = responseCacheSettings()
    if (enabled && process.env.NEXT_PHASE !== 'phase-production-build') {
      const { getPayload } = await import('payload')
      const { default: config } = await import('@payload-config')
      const { readContentVersion } = await import('./hooks/publicContentChanged')
      const { expireSiteCache } = await import('./lib/revalidate')
      installResponseCache({ readVersion: async () => readContentVersion(await getPayload({ config })), expireSiteCache, maxBytes })
    }
    if (!shouldSeedOnStart()) return
    try {
      const { getPayload } = await import('payload')
      const { default: config } = await import('@payload-config')
      const { seedOnStart } = await import('./seed/seedOnStart')
      await seedOnStart(await getPayload({ config }))
    } catch (error) {
      // The site still starts; the same problem shows on the first request that needs Payload.
      console.error('[seed] Could not start Payload for the first-start seed:', error)
    }
  }
}
