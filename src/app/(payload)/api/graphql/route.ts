import config from '@payload-config'
import { REST_OPTIONS } from '@payloadcms/next/routes'

import { graphqlPost } from '@/lib/graphql/handler'

// Payload's GraphQL handler with `select` on by default and parsed/validated documents kept
// (src/lib/graphql/handler.ts).
export const POST = graphqlPost(config)

export const OPTIONS = REST_OPTIONS(config)
