import { createRequire } from 'node:module'

import { configToSchema } from '@payloadcms/graphql'
import type * as GraphQL from 'graphql'
import type { SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import configPromise, { GRAPHQL_MAX_COMPLEXITY } from '@payload-config'
import * as documents from '@/site/documents'
import { graphql } from '../helpers/api'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * `graphQL.maxComplexity` keeps abusive queries out (every relationship or upload costs 10, each
 * other field 1, for every alias). The site's own queries must pass with room to spare.
 */
let ctx: TestPayload
let config: SanitizedConfig

// The `graphql` instance Payload's schema was built with (Node resolves it to the CommonJS build;
// a plain import in a test would get the ES module build, and graphql refuses to mix the two).
const { parse, validate } = createRequire(import.meta.url)('graphql') as typeof GraphQL

/** The site's operations (fragments travel inside them). */
const siteOperations = Object.entries(documents)
  .filter(([name]) => name.endsWith('Query'))
  .map(([name, document]) => ({ name, query: document.toString() }))

const variablesFor: Record<string, Record<string, unknown>> = {
  ArticleListQuery: { where: {}, limit: 12, page: 1 },
  ArticleQuery: { where: { slug: { equals: 'x' } } },
  AdjacentArticlesQuery: { older: {}, newer: {}, same: {} },
  ArticleCommentsQuery: { where: {}, limit: 500 },
  SourceQuery: { slug: 'x' },
  SitemapQuery: { where: {}, limit: 5000 },
  FeedQuery: { where: {}, limit: 20 },
}

/** The complexity Payload's own rule computes for a query (it reports it when over a limit of 1). */
function complexityOf(query: string, variableValues: Record<string, unknown> = {}): number {
  const { schema, validationRules } = configToSchema({ ...config, graphQL: { ...config.graphQL, maxComplexity: 1 } })
  const errors = validate(schema, parse(query), validationRules({ variableValues } as never))
  const message = errors.map((error) => error.message).find((text) => text.includes('Actual complexity is'))
  const actual = message?.match(/Actual complexity is (\d+)/)?.[1]
  if (!actual) throw new Error(`No complexity reported: ${errors.map((error) => error.message).join('; ')}`)
  return Number(actual)
}

/** Comments → parent → parent …: each level costs a relationship (10) and a field. */
function deeplyNested(levels: number): string {
  let selection = 'article { title heroImage { url sizes { og { url } } } sources { name } } body'
  for (let level = 0; level < levels; level++) selection = `parent { ${selection} } body`
  return `{ Comments { docs { ${selection} } } }`
}

/** The same heavy list under a hundred aliases. */
function aliasFanOut(count: number): string {
  const list = 'Articles(limit: 100) { docs { title heroImage { url } sources { name } } }'
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${list}`).join(' ')} }`
}

/** Refused before any resolver runs: an error, no data (HTTP 200 for `application/json`, per GraphQL over HTTP). */
function expectRejected({ status, body }: Awaited<ReturnType<typeof graphql>>) {
  expect([200, 400]).toContain(status)
  expect(body.data ?? undefined).toBeUndefined()
  expect(body.errors?.[0]?.message).toMatch(new RegExp(`exceeds the maximum complexity of ${GRAPHQL_MAX_COMPLEXITY}`))
}

beforeAll(async () => {
  config = await configPromise
  ctx = await startTestPayload()
})
afterAll(async () => ctx?.close())

describe('GraphQL limits', () => {
  it('the limit is configured', () => {
    expect(config.graphQL.maxComplexity).toBe(GRAPHQL_MAX_COMPLEXITY)
  })

  it.each(siteOperations)('$name stays well below the limit and is accepted', async ({ name, query }) => {
    expect(variablesFor[name], `variables for ${name} in this test`).toBeDefined()
    const complexity = complexityOf(query, variablesFor[name])
    // Half the limit: room for a few more fields before anyone has to touch the number.
    expect(complexity, `${name} costs ${complexity}`).toBeLessThanOrEqual(GRAPHQL_MAX_COMPLEXITY / 2)
    const { body } = await graphql(query, variablesFor[name])
    expect(JSON.stringify(body.errors ?? [])).not.toMatch(/complexity/i)
  })

  it('rejects deeply nested relations', async () => {
    const query = deeplyNested(60)
    expect(complexityOf(query)).toBeGreaterThan(GRAPHQL_MAX_COMPLEXITY)
    expectRejected(await graphql(query))
  })

  it('rejects a fan-out of aliases', async () => {
    const query = aliasFanOut(100)
    expect(complexityOf(query)).toBeGreaterThan(GRAPHQL_MAX_COMPLEXITY)
    expectRejected(await graphql(query))
  })
})
