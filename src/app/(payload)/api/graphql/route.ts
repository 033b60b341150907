/* Based on the route file Payload generates; the anonymous response cache is our addition. */
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { getPayload } from 'payload'

import { readContentVersion } from '@/hooks/publicContentChanged'
import { withAnonymousGraphQLCache } from '@/lib/graphqlCache'

export const POST = withAnonymousGraphQLCache(GRAPHQL_POST(config), {
  version: async () => readContentVersion(await getPayload({ config })),
})

export const OPTIONS = REST_OPTIONS(config)
