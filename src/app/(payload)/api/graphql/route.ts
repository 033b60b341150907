import config from '@payload-config'
import { REST_OPTIONS } from '@payloadcms/next/routes'

import { graphqlPost } from '@/lib/graphql/handler'

// Payload's GraphQL handler with this project's defaults (src/lib/graphql/handler.ts lists them).
// The server's API fast path (src/server/pipeline.ts, step 3) answers JSON POSTs with the same
// handler before Next.js; this route serves the rest and `API_FAST_PATH=off`.
export const POST = graphqlPost(config)

export const OPTIONS = REST_OPTIONS(config)
