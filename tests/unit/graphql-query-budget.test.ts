import { GraphQL } from '@payloadcms/graphql/types'
import { describe, expect, it } from 'vitest'

import { noSubscriptionsRule } from '@/lib/graphql/noSubscriptionsRule'
import { queryBudgetRule, queryCost } from '@/lib/graphql/queryBudgetRule'

const { buildSchema, parse, validate } = GraphQL

const schema = buildSchema(`
  type Image { url: String }
  type Comment { id: String }
  type Comments { docs: [Comment] hasNextPage: Boolean }
  type Article { id: String title: String heroImage: Image comments(limit: Int): Comments }
  type Articles { docs: [Article] totalDocs: Int page: Int }
  type Query { Articles(limit: Int): Articles Article(id: String): Article }
`)

const cost = (query: string) => queryCost(schema, parse(query))

describe('queryCost', () => {
  it('counts a docs-only list once, a list with page fields twice, every field once', () => {
    expect(cost('{ Articles { docs { id } } }')).toEqual({ queries: 1, fields: 3 })
    expect(cost('{ Articles { docs { id } totalDocs } }')).toEqual({ queries: 2, fields: 4 })
    expect(cost('{ Articles { __typename docs { id } } }')).toEqual({ queries: 1, fields: 4 })
  })

  it('counts join fields (types with docs) anywhere, not single documents or relations', () => {
    expect(
      cost('{ Article(id: "a") { heroImage { url } comments { docs { id } hasNextPage } } }'),
    ).toEqual({ queries: 2, fields: 7 })
  })

  it('expands aliases, inline fragments and every spread of a fragment', () => {
    const query = `query { a: Articles { totalDocs } ...F ... on Query { ...F } }
      fragment F on Query { b: Articles { docs { ...G } } }
      fragment G on Article { id title }`
    expect(cost(query)).toEqual({ queries: 4, fields: 2 + 2 * (2 + 2) })
  })

  it('leaves out what @skip / @include leave out, literal or by variable; counts unknown conditions', () => {
    const query = `query($on: Boolean, $off: Boolean) {
      a: Articles @include(if: $on) { docs { id } }
      b: Articles @skip(if: $off) { docs { id } }
      c: Articles @include(if: false) { docs { id } }
      ... @skip(if: true) { d: Articles { docs { id } } }
    }`
    expect(queryCost(schema, parse(query), { on: false, off: true })).toEqual({
      queries: 0,
      fields: 0,
    })
    expect(queryCost(schema, parse(query), { on: true, off: false })).toEqual({
      queries: 2,
      fields: 6,
    })
    expect(queryCost(schema, parse(query), {})).toEqual({ queries: 2, fields: 6 })
  })

  it('stays finite on fragment cycles and unknown fragments (GraphQL’s own rules refuse those)', () => {
    expect(cost('{ ...A ...Nope } fragment A on Query { Articles { docs { id } } ...A }')).toEqual({
      queries: 1,
      fields: 3,
    })
  })

  it('counts a fragment used many times in linear time', () => {
    const spreads = Array.from({ length: 20 }, (_, i) => `f${i}: Articles { docs { ...L } }`).join(
      ' ',
    )
    const started = performance.now()
    expect(cost(`{ ${spreads} } fragment L on Article { id title }`)).toEqual({
      queries: 20,
      fields: 20 * 4,
    })
    expect(performance.now() - started).toBeLessThan(100)
  })
})

describe('queryBudgetRule', () => {
  const errors = (query: string, budget = { queries: 2, fields: 10 }) =>
    validate(schema, parse(query), [queryBudgetRule(budget)]).map((error) => error.message)

  it('refuses documents over either budget with one message, accepts those within', () => {
    expect(errors('{ Articles { docs { id } totalDocs } }')).toEqual([])
    expect(errors('{ a: Articles { docs { id } } b: Articles { totalDocs } }')).toEqual([
      expect.stringMatching(/höchstens 2 Listenabfragen je Anfrage \(diese Abfrage: 3/),
    ])
    expect(
      errors(`{ ${Array.from({ length: 11 }, (_, i) => `t${i}: __typename`).join(' ')} }`),
    ).toEqual([expect.stringMatching(/höchstens 10 Felder je Anfrage \(diese Abfrage: 11/)])
  })
})

describe('noSubscriptionsRule', () => {
  it('refuses subscriptions when the schema has none', () => {
    expect(validate(schema, parse('subscription { x }'), [noSubscriptionsRule])).toHaveLength(1)
    expect(validate(schema, parse('{ __typename }'), [noSubscriptionsRule])).toHaveLength(0)
  })
})
