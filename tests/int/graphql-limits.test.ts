import { createRequire } from 'node:module'

import { configToSchema } from '@payloadcms/graphql'
import type * as GraphQL from 'graphql'
import type { SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import configPromise, { GRAPHQL_MAX_COMPLEXITY } from '@payload-config'
import * as documents from '@/site/documents'
import { READER_QUERY_BUDGET, STAFF_QUERY_BUDGET } from '@/lib/graphql/queryBudgetRule'
import { readerPageSizeMessage } from '@/lib/readerPageSize'
import { graphql } from '../helpers/api'
import { createNewsroom, type Newsroom } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * `graphQL.maxComplexity` keeps abusive queries out (every relationship or upload costs 10, each
 * other field 1, for every alias). The site's own queries must pass with room to spare.
 */
let ctx: TestPayload
let config: SanitizedConfig
let newsroom: Newsroom

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
  const { schema, validationRules } = configToSchema({
    ...config,
    graphQL: { ...config.graphQL, maxComplexity: 1 },
  })
  const errors = validate(schema, parse(query), validationRules({ variableValues } as never))
  const message = errors
    .map((error) => error.message)
    .find((text) => text.includes('Actual complexity is'))
  const actual = message?.match(/Actual complexity is (\d+)/)?.[1]
  if (!actual)
    throw new Error(`No complexity reported: ${errors.map((error) => error.message).join('; ')}`)
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
  const messages = (body.errors ?? []).map((error) => error.message)
  expect(
    messages.some((message) =>
      message.includes(`exceeds the maximum complexity of ${GRAPHQL_MAX_COMPLEXITY}`),
    ),
    messages.join('; '),
  ).toBe(true)
}

beforeAll(async () => {
  config = await configPromise
  ctx = await startTestPayload()
  newsroom = await createNewsroom(ctx.payload)
})
afterAll(async () => ctx?.close())

describe('GraphQL limits', () => {
  it('the limit is configured', () => {
    expect(config.graphQL.maxComplexity).toBe(GRAPHQL_MAX_COMPLEXITY)
  })

  it.each(siteOperations)(
    '$name stays well below the limit and is accepted',
    async ({ name, query }) => {
      expect(variablesFor[name], `variables for ${name} in this test`).toBeDefined()
      const complexity = complexityOf(query, variablesFor[name])
      // Half the limit: room for a few more fields before anyone has to touch the number.
      expect(complexity, `${name} costs ${complexity}`).toBeLessThanOrEqual(
        GRAPHQL_MAX_COMPLEXITY / 2,
      )
      const { status, body } = await graphql(query, variablesFor[name])
      expect(status).toBe(200)
      expect(body.errors).toBeUndefined()
    },
  )

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

/** `count` aliases of one list query that asks for the count (two statements each). */
const countAliases = (count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: Articles(limit: 1) { totalDocs }`).join(' ')} }`

describe('query budget (lists and fields per document)', () => {
  it('refuses 300 count aliases from a reader at once: 400 with a message, before any statement', async () => {
    const query = countAliases(300)
    // Within Payload's complexity limit: only the budget stops it.
    expect(complexityOf(query)).toBeLessThanOrEqual(GRAPHQL_MAX_COMPLEXITY)
    const started = performance.now()
    const { status, body } = await graphql(query)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(status).toBe(400)
    expect(body.data ?? undefined).toBeUndefined()
    expect(body.errors?.[0]?.message).toMatch(
      /Die Abfrage ist zu umfangreich: höchstens 20 Listenabfragen je Anfrage \(diese Abfrage: 600/,
    )
  })

  it('counts a list with a count twice, a docs-only list once, aliases inside fragments too', async () => {
    const half = READER_QUERY_BUDGET.queries / 2
    expect((await graphql(countAliases(half))).body.errors).toBeUndefined()
    expect((await graphql(countAliases(half + 1))).status).toBe(400)
    const docsOnly = (count: number) =>
      Array.from({ length: count }, (_, i) => `d${i}: Sources(limit: 1) { docs { id } }`).join(' ')
    expect(
      (await graphql(`{ ${docsOnly(READER_QUERY_BUDGET.queries)} }`)).body.errors,
    ).toBeUndefined()
    const viaFragment = `query { ...Lists ... on Query { ...Lists } } fragment Lists on Query { ${docsOnly(half + 1)} }`
    const refused = await graphql(viaFragment)
    expect(refused.status).toBe(400)
    expect(refused.body.errors?.[0]?.message).toMatch(/Listenabfragen/)
  })

  it('refuses more fields than the budget, counting aliases', async () => {
    const typenames = (count: number) =>
      `{ ${Array.from({ length: count }, (_, i) => `t${i}: __typename`).join(' ')} }`
    expect((await graphql(typenames(READER_QUERY_BUDGET.fields))).body.errors).toBeUndefined()
    const { status, body } = await graphql(typenames(READER_QUERY_BUDGET.fields + 1))
    expect(status).toBe(400)
    expect(body.errors?.[0]?.message).toMatch(/höchstens 200 Felder je Anfrage/)
  })

  it('gives the newsroom a larger budget, still bounded', async () => {
    const token = newsroom.editor.token
    const { body } = await graphql(countAliases(READER_QUERY_BUDGET.queries), {}, { token })
    expect(body.errors).toBeUndefined()
    const refused = await graphql(countAliases(STAFF_QUERY_BUDGET.queries / 2 + 1), {}, { token })
    expect(refused.status).toBe(400)
    expect(refused.body.errors?.[0]?.message).toMatch(/höchstens 100 Listenabfragen/)
  })
})

describe('page range', () => {
  it('a page that starts past 2^31 − 1 is a 400 for everyone (found by tests/int/fuzz.test.ts)', async () => {
    const token = newsroom.editor.token
    for (const [query, variables] of [
      ['{ Users(limit: 1000000000, page: 100) { pagingCounter } }', {}],
      ['{ Sources(page: 300000000) { pagingCounter } }', {}],
      ['query($p: Int) { Sources(limit: 5000, page: $p) { docs { id } } }', { p: 500000 }],
    ] as const) {
      const { status, body } = await graphql(query, variables, { token })
      expect(status, query).toBe(400)
      expect(body.errors?.[0]?.message, query).toMatch(/„page“ × „limit“ ist zu groß/)
    }
    const { body } = await graphql(
      '{ Sources(limit: 1000, page: 2000000) { pagingCounter } }',
      {},
      { token },
    )
    expect(body.errors).toBeUndefined()
  })

  it('a negative limit or a page below 1 is a 400 for the newsroom too, as over REST', async () => {
    for (const [query, message] of [
      [
        '{ Comments(limit: -1, page: 2) { hasNextPage } }',
        /„limit“ muss eine ganze Zahl von 0 bis/,
      ],
      ['{ Comments(page: 0) { docs { id } } }', /„page“ muss eine ganze Zahl von 1 bis/],
      ['{ Comments(page: -3) { docs { id } } }', /„page“ muss eine ganze Zahl von 1 bis/],
    ] as const) {
      const { status, body } = await graphql(query, {}, { token: newsroom.editor.token })
      expect(status, query).toBe(400)
      expect(body.errors?.[0]?.message, query).toMatch(message)
    }
  })

  it('the newsroom may ask for everything with limit 0, page fields included', async () => {
    const { body } = await graphql(
      '{ Sources(limit: 0, page: 3) { docs { id } limit page pagingCounter totalPages } }',
      {},
      { token: newsroom.editor.token },
    )
    expect(body.errors).toBeUndefined()
  })
})

describe('kept validation results', () => {
  it('follow the variables and the user: one document, readers and the newsroom, in any order', async () => {
    // One document text: its validation results are kept by variables and by staff or reader.
    const query = 'query($n: Int) { Sources(limit: $n) { docs { id } } }'
    const editor = { token: newsroom.editor.token }
    for (let round = 0; round < 2; round++) {
      const reader = await graphql(query, { n: 0 })
      expect(reader.status).toBe(400)
      expect(reader.body.errors?.[0]?.message).toBe(readerPageSizeMessage)
      const staff = await graphql(query, { n: 0 }, editor)
      expect(staff.status).toBe(200)
      expect(staff.body.errors).toBeUndefined()
      const readerFew = await graphql(query, { n: 2 })
      expect(readerFew.status).toBe(200)
      expect(readerFew.body.errors).toBeUndefined()
      const staffNegative = await graphql(query, { n: -1 }, editor)
      expect(staffNegative.status).toBe(400)
    }
  })
})

describe('deadline for readers', () => {
  it('past the deadline, a reader’s remaining operations fail with a message; the newsroom has none', async () => {
    const previous = process.env.GRAPHQL_READER_DEADLINE_MS
    process.env.GRAPHQL_READER_DEADLINE_MS = '-1'
    try {
      const reader = await graphql('{ Articles(limit: 1) { docs { id } } }')
      expect(reader.body.data?.Articles ?? null).toBeNull()
      expect(reader.body.errors?.[0]).toMatchObject({
        message:
          'Die Anfrage hat zu lange gedauert und wurde abgebrochen. Bitte senden Sie eine kleinere Abfrage.',
        extensions: { statusCode: 503 },
      })
      const editor = await graphql(
        '{ Articles(limit: 1) { docs { id } } }',
        {},
        { token: newsroom.editor.token },
      )
      expect(editor.body.errors).toBeUndefined()
    } finally {
      if (previous === undefined) delete process.env.GRAPHQL_READER_DEADLINE_MS
      else process.env.GRAPHQL_READER_DEADLINE_MS = previous
    }
    expect((await graphql('{ Articles(limit: 1) { docs { id } } }')).body.errors).toBeUndefined()
  })
})

describe('operations this API does not run', () => {
  it('an empty id is a 400 with a message (found by tests/int/fuzz.test.ts: docAccess failed with 500)', async () => {
    for (const [query, variables] of [
      ['{ docAccessImage(id: "") { read { permission } } }', {}],
      ['query($id: String!) { Article(id: $id) { title } }', { id: ' ' }],
    ] as const) {
      const { status, body } = await graphql(query, variables)
      expect(status, query).toBe(400)
      expect(body.errors?.[0]?.message, query).toBe('„id“ darf nicht leer sein.')
    }
  })

  it('a subscription is a 400 with a message', async () => {
    for (const query of ['subscription { x }', 'subscription S { Articles { docs { id } } }']) {
      const { status, body } = await graphql(query)
      expect(status, query).toBe(400)
      expect(body.errors?.[0]?.message, query).toMatch(
        /Abonnements \(subscription\) werden nicht unterstützt/,
      )
    }
  })
})
