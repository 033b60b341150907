import { GraphQL } from '@payloadcms/graphql/types'
import { describe, expect, it } from 'vitest'

import { countOnlyWhenAsked } from '@/lib/graphql/countOnlyWhenAsked'

const { buildSchema, graphql } = GraphQL

const SDL = `
  type Doc { id: String }
  type Page { docs: [Doc] totalDocs: Int hasNextPage: Boolean }
  type Query {
    Articles(draft: Boolean, limit: Int, page: Int, pagination: Boolean): Page
    versionsArticles(limit: Int, page: Int, pagination: Boolean): Page
  }
`

/** Runs `query` against a schema whose list resolvers record the arguments they receive. */
async function argsSeen(query: string, contextQuery: Record<string, unknown> = {}) {
  const schema = buildSchema(SDL)
  const seen: Record<string, Record<string, unknown>> = {}
  for (const [name, field] of Object.entries(schema.getQueryType()!.getFields())) {
    field.resolve = (_source, args) => {
      seen[name] = args
      return { docs: [{ id: 'a' }], totalDocs: 1, hasNextPage: false }
    }
  }
  countOnlyWhenAsked(schema)
  const result = await graphql({
    schema,
    source: query,
    contextValue: { req: { query: contextQuery } },
  })
  expect(result.errors).toBeUndefined()
  return seen
}

describe('countOnlyWhenAsked', () => {
  it('runs a first-page list query that asks only for docs without pagination', async () => {
    expect((await argsSeen('{ Articles(limit: 10) { docs { id } } }')).Articles).toEqual({
      limit: 10,
      pagination: false,
    })
    expect(
      (await argsSeen('{ Articles(limit: 3, page: 1) { __typename list: docs { id } } }')).Articles,
    ).toEqual({
      limit: 3,
      page: 1,
      pagination: false,
    })
  })

  it('keeps the count when a page field is asked for, also under an alias', async () => {
    expect((await argsSeen('{ Articles(limit: 10) { docs { id } totalDocs } }')).Articles).toEqual({
      limit: 10,
    })
    expect(
      (await argsSeen('{ Articles(limit: 10) { docs { id } more: hasNextPage } }')).Articles,
    ).toEqual({ limit: 10 })
  })

  it('keeps the count for fragments, which could hold page fields', async () => {
    const spread = 'query { Articles(limit: 10) { ...P } } fragment P on Page { docs { id } }'
    expect((await argsSeen(spread)).Articles).toEqual({ limit: 10 })
    expect(
      (await argsSeen('{ Articles(limit: 10) { ... on Page { docs { id } } } }')).Articles,
    ).toEqual({ limit: 10 })
  })

  it('keeps the count without a limit (pagination false would mean all documents), on later pages and for drafts', async () => {
    expect((await argsSeen('{ Articles { docs { id } } }')).Articles).toEqual({})
    expect((await argsSeen('{ Articles(limit: 0) { docs { id } } }')).Articles).toEqual({
      limit: 0,
    })
    expect((await argsSeen('{ Articles(limit: 10, page: 2) { docs { id } } }')).Articles).toEqual({
      limit: 10,
      page: 2,
    })
    expect(
      (await argsSeen('{ Articles(limit: 10, draft: true) { docs { id } } }')).Articles,
    ).toEqual({ limit: 10, draft: true })
    expect(
      (await argsSeen('{ Articles(limit: 10) { docs { id } } }', { draft: 'true' })).Articles,
    ).toEqual({ limit: 10 })
  })

  it('leaves an explicit pagination argument and queries without a draft argument alone', async () => {
    expect(
      (await argsSeen('{ Articles(limit: 10, pagination: true) { docs { id } } }')).Articles,
    ).toEqual({ limit: 10, pagination: true })
    expect(
      (await argsSeen('{ versionsArticles(limit: 10) { docs { id } } }')).versionsArticles,
    ).toEqual({ limit: 10 })
  })
})
