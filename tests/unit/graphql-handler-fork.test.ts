import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

import * as payloadGraphql from '@payloadcms/graphql'
import { GraphQL } from '@payloadcms/graphql/types'
import * as payload from 'payload'
import { describe, expect, it } from 'vitest'

/**
 * src/lib/graphql/handler.ts is a fork of Payload's GraphQL handler. These tests pin what it was
 * last reviewed against. When one fails after an update of Payload or graphql-http:
 *
 * 1. diff the new `@payloadcms/next/dist/routes/graphql/handler.js` (or graphql-http's
 *    `lib/handler.js`) against the version named in handler.ts's doc comment (npm pack the old
 *    version, or read the update's changelog);
 * 2. carry every change into handler.ts: request and body handling, error formatting and the
 *    `afterError` hooks, headers and CORS, the upload temp file cleanup, schema caching;
 * 3. check the fork is still needed (does `GRAPHQL_POST` now take `select`, skip counts, cache
 *    parsing?) and still faster (npm run bench, uncached GraphQL reads);
 * 4. update the version in handler.ts's doc comment and the hashes and versions here.
 */
const modules = new URL('../../node_modules/', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, modules))
const sha256 = (path: string) => createHash('sha256').update(read(path)).digest('hex')
const versionOf = (name: string) =>
  (JSON.parse(read(`${name}/package.json`).toString()) as { version: string }).version

const REVIEWED = {
  payloadNext: {
    version: '3.90.1',
    handler: '2f98002bd81bd98a6f74958995b535b84535b5f06d4efcd5322cfcbc0a2d7746',
  },
  graphqlHttp: {
    version: '1.23.1',
    handler: 'cc212c63b03da33d13011a38bef07bb6161f8b15cb1a5ebb80f3dfabb89fb115',
  },
}

describe('the GraphQL handler fork (src/lib/graphql/handler.ts)', () => {
  it('mirrors the reviewed version of Payload’s handler', () => {
    expect(versionOf('@payloadcms/next')).toBe(REVIEWED.payloadNext.version)
    expect(sha256('@payloadcms/next/dist/routes/graphql/handler.js')).toBe(
      REVIEWED.payloadNext.handler,
    )
  })

  it('relies on the reviewed graphql-http (options parse, validate, validationRules; 200 for refused JSON)', () => {
    expect(versionOf('graphql-http')).toBe(REVIEWED.graphqlHttp.version)
    expect(sha256('graphql-http/lib/handler.js')).toBe(REVIEWED.graphqlHttp.handler)
  })

  it('still needs the docAccess<Global> fix (Payload’s resolver reads the context from its second parameter)', () => {
    // When this fails, Payload fixed the resolver: remove globalDocAccessGetsContext
    // (src/lib/graphql/payloadSchemaFixes.ts).
    const resolver = read('@payloadcms/graphql/dist/resolvers/globals/docAccess.js').toString()
    expect(resolver).toMatch(/async function resolver\(_, context\)/)
  })

  it('finds every export it uses from payload, @payloadcms/graphql and graphql', () => {
    for (const name of [
      'addDataAndFileToRequest',
      'addLocalesToRequestFromData',
      'createPayloadRequest',
      'headersWithCors',
      'logError',
      'mergeHeaders',
      'unlinkClientUploadTempFile',
    ] as const) {
      expect(typeof payload[name], name).toBe('function')
    }
    expect(typeof payloadGraphql.configToSchema).toBe('function')
    for (const name of [
      'parse',
      'validate',
      'getNamedType',
      'isObjectType',
      'isInterfaceType',
    ] as const) {
      expect(typeof GraphQL[name], name).toBe('function')
    }
    expect(Array.isArray(GraphQL.specifiedRules)).toBe(true)
  })
})
