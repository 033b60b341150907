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

  it('wraps the reviewed resolvers of @payloadcms/graphql (selectByDefault, countOnlyWhenAsked, payloadSchemaFixes)', () => {
    // The three modules wrap resolvers of Payload's built schema and rely on what these files do
    // with `select` (buildSelect…, keeps one selection per field), `pagination` (passed to the
    // find operation; `false` returns the first `limit` documents without counting), the
    // context parameter of `docAccess<Global>` and the shortened permission objects. When a hash
    // fails: read the new file, check each module's doc comment still holds (and its tests in
    // tests/unit/graphql-*.test.ts and tests/int/graphql-*.test.ts pass), then update the hash.
    expect(versionOf('@payloadcms/graphql')).toBe('3.90.1')
    expect(versionOf('payload')).toBe('3.90.1')
    const reviewed: Record<string, string> = {
      // Its validationRules(args) read the variables only (src/lib/graphql/validationRules.ts
      // validationVariant, by which src/lib/graphql/handler.ts keeps validation results).
      '@payloadcms/graphql/dist/index.js':
        'dd122c420fa7a7d2b10594f458530ef7d0c91f04850fd23e8450d11db7e6c816',
      '@payloadcms/graphql/dist/utilities/select.js':
        'ba9bd80a397c6690fd9a0a7084cf252461c1529563896932e63a7ed25c82cc6e',
      '@payloadcms/graphql/dist/resolvers/collections/find.js':
        'fd7640e0532268abf80c9605c4d71566f07729e81e159137242ddf7cf8dd521e',
      '@payloadcms/graphql/dist/resolvers/collections/findByID.js':
        '8a646bfdb62b92c77efde738008406b8bf91b502e5b6b2927128051d6f680e16',
      '@payloadcms/graphql/dist/resolvers/collections/findVersions.js':
        '369f51c117819038cc31d6a59d46e4e6602af1668c28e168407e0d17de14e2de',
      '@payloadcms/graphql/dist/resolvers/collections/findVersionByID.js':
        'a9aab673d1d629bada65eea35c4833111d67834e82e23549adcfdbe88db2c45e',
      '@payloadcms/graphql/dist/resolvers/globals/findOne.js':
        'aa454f7bcda40f58320e57df4440b2fb72b893f37f8bb2312f9bcc51a10f5ad8',
      '@payloadcms/graphql/dist/resolvers/globals/findVersions.js':
        'e3f2a301934408691aec6032878eee3b8956033abc84c013a2c208740a851420',
      '@payloadcms/graphql/dist/resolvers/globals/findVersionByID.js':
        '0dc044ccc534c35001b2b6704e5d1b6e93d72f2127c3a14a905198e55ae4e8cc',
      '@payloadcms/graphql/dist/resolvers/globals/docAccess.js':
        'fa7e57a45a99d01e51cc21c3b78c19cc336cc15e75ed05acd3d938d1c13a0cba',
      '@payloadcms/graphql/dist/schema/buildPoliciesType.js':
        '91f15fa7206f3de21d3df1489964f705c7f270ffc09ed644f2ac92170bf29659',
      'payload/dist/utilities/sanitizePermissions.js':
        '036f793cc2a73559890febf5a5a7cefdc569ce97045d4ca3c1920f58c6e79849',
    }
    for (const [file, hash] of Object.entries(reviewed)) expect(sha256(file), file).toBe(hash)
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
