import { GraphQL } from '@payloadcms/graphql/types'
import { describe, expect, it } from 'vitest'

import { selectByDefault } from '@/lib/graphql/selectByDefault'

const { buildSchema, graphql } = GraphQL

const SDL = `
  type Image { alt: String url: String }
  type Doc { id: String title: String heroImage: Image }
  type Page { docs: [Doc] totalDocs: Int }
  type Query {
    Articles(select: Boolean, limit: Int): Page
    Article(id: String, select: Boolean): Doc
    Plain(limit: Int): Page
  }
`

/** Runs `query` against a schema whose resolvers record the `select` they receive. */
async function selectSeen(query: string): Promise<Record<string, unknown>> {
  const schema = buildSchema(SDL)
  const seen: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(schema.getQueryType()!.getFields())) {
    field.resolve = (_source, args) => {
      seen[name] = args.select
      const doc = { id: 'a', title: 'T', heroImage: { alt: 'A', url: '/u' } }
      return name === 'Article' ? doc : { docs: [doc], totalDocs: 1 }
    }
  }
  selectByDefault(schema)
  const result = await graphql({ schema, source: query })
  expect(result.errors).toBeUndefined()
  return seen
}

describe('selectByDefault', () => {
  it('selects by default where the query names each field with a selection once', async () => {
    expect(await selectSeen('{ Articles(limit: 1) { docs { id title } totalDocs } }')).toEqual({
      Articles: true,
    })
    expect(
      await selectSeen(
        '{ Article(id: "a") { id ...T heroImage { alt } } } fragment T on Doc { title id }',
      ),
    ).toEqual({ Article: true })
    expect(await selectSeen('{ Plain(limit: 1) { docs { id } } }')).toEqual({ Plain: undefined })
  })

  it('reads whole documents where Payload would keep only one of two selections', async () => {
    for (const query of [
      // `docs` directly and again through a fragment on the page type (the fuzzer's find)
      '{ Articles { docs { id } ...P } } fragment P on Page { docs { title } }',
      '{ Articles { docs { id } ... on Page { docs { title } } } }',
      // one relationship twice, under two aliases
      '{ Article(id: "a") { a: heroImage { alt } b: heroImage { url } } }',
      // nested in a fragment
      '{ Article(id: "a") { heroImage { alt } ...H } } fragment H on Doc { heroImage { url } }',
      // the same response key twice: several field nodes
      '{ Articles { docs { id } } Articles { totalDocs } }',
    ]) {
      expect(await selectSeen(query), query).toEqual({
        [query.includes('Article(') ? 'Article' : 'Articles']: false,
      })
    }
  })

  it('keeps an explicit select: false and an explicit select: true where it is exact', async () => {
    expect(await selectSeen('{ Articles(select: false) { docs { id } } }')).toEqual({
      Articles: false,
    })
    expect(await selectSeen('{ Articles(select: true) { docs { id } } }')).toEqual({
      Articles: true,
    })
  })
})
