import { configToSchema } from '@payloadcms/graphql'
import { GraphQL } from '@payloadcms/graphql/types'
import fc from 'fast-check'
import type { GraphQLInputType, GraphQLNamedType, GraphQLObjectType, GraphQLSchema } from 'graphql'
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import configPromise from '@payload-config'
import { graphql, rest, type ApiResponse } from '../helpers/api'
import { articleData, createNewsroom, lexical, type Newsroom } from '../helpers/fixtures'
import { imageFile, makeImage } from '../helpers/images'
import { startTestPayload, type TestPayload } from '../helpers/payload'

/**
 * Property-based fuzzing of the public API (#15): generated REST queries and writes, and
 * generated GraphQL documents built from the real schema's query type, sent anonymously and as
 * an author. For every request: no 5xx, no answer slower than `MAX_MS`, and a refused request
 * (4xx) stores nothing.
 *
 * Seeded: `FUZZ_SEED=<n>` repeats a run (a failure reports its seed and path); `FUZZ_RUNS=<n>`
 * runs more cases than the default. On a developer's machine every run draws a new seed and so
 * explores new cases; CI (`CI=true`) runs one fixed seed, so that whether a change lands does
 * not depend on the luck of the draw. What a random run finds becomes a named test in
 * tests/int/malformed-input.test.ts.
 */
const CI_SEED = 20261204
const SEED = Number(
  process.env.FUZZ_SEED ?? (process.env.CI ? CI_SEED : Math.floor(Math.random() * 2 ** 31)),
)
const RUNS = Number(process.env.FUZZ_RUNS ?? 150)
const MAX_MS = 2000

let ctx: TestPayload
let payload: Payload
let newsroom: Newsroom
let schema: GraphQLSchema
const ids: Record<string, string[]> = {}

const COLLECTIONS = ['articles', 'sources', 'images', 'comments', 'users'] as const

async function counts(): Promise<Record<string, number>> {
  const entries = await Promise.all(
    COLLECTIONS.map(
      async (collection) =>
        [
          collection,
          (await payload.count({ collection, overrideAccess: true })).totalDocs,
        ] as const,
    ),
  )
  return Object.fromEntries(entries)
}

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
  newsroom = await createNewsroom(payload)
  const system = { overrideAccess: true } as const
  const image = await payload.create({
    collection: 'images',
    data: { alt: 'Hafen', credit: { author: 'A', license: 'cc0', provider: 'P' } },
    file: imageFile(await makeImage('jpeg'), 'hafen.jpg', 'image/jpeg'),
    ...system,
  })
  const source = await payload.create({
    collection: 'sources',
    data: { name: 'dpa', kind: 'agency' },
    ...system,
  })
  const published = await payload.create({
    collection: 'articles',
    data: articleData({
      title: 'Veröffentlicht',
      heroImage: image.id,
      sources: [source.id],
      _status: 'published',
      publishedAt: new Date().toISOString(),
      commentsEnabled: true,
    }),
    ...system,
  })
  const draft = await payload.create({
    collection: 'articles',
    data: articleData({ title: 'Entwurf', content: lexical('Entwurf.') }),
    ...system,
  })
  const comment = await payload.create({
    collection: 'comments',
    data: {
      article: published.id,
      authorName: 'Leserin',
      authorEmail: 'l@example.test',
      body: 'Guter Artikel.',
      status: 'approved',
    },
    ...system,
  })
  ids.articles = [published.id, draft.id]
  ids.sources = [source.id]
  ids.images = [image.id]
  ids.comments = [comment.id]
  ids.users = [newsroom.author.id, newsroom.editor.id]
  schema = configToSchema(await configPromise).schema
  // Warm up: the first request of each kind builds the schema and the caches.
  await rest('GET', 'articles?limit=1')
  await graphql('{ Articles(limit: 1) { docs { id } } }')
})
afterAll(async () => ctx?.close())

type Sent = { label: string; call: () => Promise<ApiResponse> }

/** Sends one request and checks the three properties; returns nothing, throws a readable error. */
async function check({ label, call }: Sent, { write }: { write: boolean }) {
  const before = write ? await counts() : null
  const started = performance.now()
  const response = await call()
  const elapsed = performance.now() - started
  const body = JSON.stringify(response.body).slice(0, 300)
  expect(response.status, `${label} → ${response.status} ${body}`).toBeLessThan(500)
  expect(elapsed, `${label} took ${Math.round(elapsed)} ms`).toBeLessThan(MAX_MS)
  // GraphQL answers errors in the body; a 200 with an error that hides a server failure counts too.
  const errors =
    (response.body as { errors?: { extensions?: { statusCode?: number } }[] })?.errors ?? []
  const refused = response.status >= 400 || errors.length > 0
  if (before && refused)
    expect(await counts(), `${label} → ${response.status} stored something`).toEqual(before)
  for (const error of errors)
    expect(error.extensions?.statusCode ?? 400, `${label} → ${body}`).toBeLessThan(500)
}

const runOptions = () => ({ seed: SEED, numRuns: RUNS, endOnFailure: true })

// ---------------------------------------------------------------- REST

const ODD_STRINGS = [
  '',
  ' ',
  'x',
  'Größe',
  '%',
  '%ZZ',
  '%C3%28',
  '%00',
  '%FF',
  '\u202e',
  '😀',
  'a'.repeat(300),
  '[]',
  '{}',
  '"',
  "'",
  '\\',
  'null',
  'true',
  '1e400',
  '-1',
  '0',
  'NaN',
  '2020-01-01',
  '2020-13-45',
  '../..',
]
const FIELDS = [
  'id',
  'title',
  'slug',
  'publishedAt',
  '_status',
  'heroImage',
  'heroImage.alt',
  'heroImage.credit.license',
  'sources',
  'sources.name',
  'authors',
  'authors.email',
  'createdAt',
  'updatedAt',
  'content',
  'commentsEnabled',
  'commentsOpen',
  'name',
  'kind',
  'email',
  'role',
  'status',
  'body',
  'article',
  'article.title',
  'parent',
  'parent.body',
  'filename',
  'alt',
  'credit.license',
  'sizes.card.url',
  'password',
  'hash',
  'salt',
  'nope',
  'a.b.c',
  '__proto__',
  'constructor',
  'title.x',
]
const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
  'gleich',
  '',
]

/** A query string value, usually percent-encoded, sometimes sent as it is (odd encodings). */
const rawOrEncoded = (value: fc.Arbitrary<string>) =>
  fc.tuple(value, fc.boolean()).map(([text, raw]) => (raw ? text : encodeURIComponent(text)))

const scalarText = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
)

const wherePart = fc
  .tuple(
    fc.constantFrom('', '[or][0]', '[and][1]', '[or][0][and][0]', '[or]'),
    fc.constantFrom(...FIELDS),
    fc.constantFrom(...OPERATORS),
    fc.constantFrom('', '', '[0]', '[0][1]', '[a]', '[]'),
    rawOrEncoded(scalarText),
  )
  .map(
    ([logic, field, operator, suffix, value]) =>
      `where${logic}[${field}]${operator ? `[${operator}]` : ''}${suffix}=${value}`,
  )

const sortParam = fc
  .tuple(fc.constantFrom('', '-', '+'), fc.constantFrom(...FIELDS), fc.boolean())
  .map(([sign, field, two]) => `sort=${encodeURIComponent(`${sign}${field}${two ? ',-id' : ''}`)}`)

const numberText = fc.oneof(
  fc.constantFrom(
    '0',
    '1',
    '-1',
    '2',
    '10',
    '5000',
    '5001',
    '0.5',
    '1e9',
    '1e400',
    'Infinity',
    'abc',
    '',
    '9007199254740993',
  ),
  fc.integer({ min: -5, max: 200 }).map(String),
)

const queryParam = fc.oneof(
  wherePart,
  sortParam,
  numberText.map((value) => `limit=${value}`),
  numberText.map((value) => `page=${value}`),
  numberText.map((value) => `depth=${value}`),
  fc
    .tuple(fc.constantFrom(...FIELDS), fc.constantFrom('true', 'false', 'x', ''))
    .map(([field, value]) => `select[${field}]=${value}`),
  fc
    .tuple(fc.constantFrom(...FIELDS), fc.constantFrom('true', 'false'))
    .map(([field, value]) => `populate[${field}]=${value}`),
  fc.constantFrom(
    'draft=true',
    'draft=x',
    'pagination=false',
    'pagination=x',
    'locale=de',
    'locale=xx',
    'trash=true',
    'where=%7B',
    'where=%7B%7D',
    'joins=false',
  ),
  rawOrEncoded(scalarText).map((value) => `${value}=${value}`),
)

const queryString = fc
  .array(queryParam, { maxLength: 5 })
  .map((params) => (params.length ? `?${params.join('&')}` : ''))

const restPath = fc
  .tuple(
    fc.constantFrom(...COLLECTIONS),
    fc.nat(),
    fc.constantFrom('', '', '/id', '/count', '/versions', '/file', '/junk'),
    rawOrEncoded(scalarText),
  )
  .map(([collection, pick, suffix, junk]) => {
    if (suffix === '/id') return `${collection}/${ids[collection][pick % ids[collection].length]}`
    if (suffix === '/file') return `${collection}/file/${junk || 'x'}`
    if (suffix === '/junk') return `${collection}/${junk || 'x'}`
    return `${collection}${suffix}`
  })

const who = fc.constantFrom<'anonymous' | 'author'>('anonymous', 'author')
const tokenOf = (user: 'anonymous' | 'author') =>
  user === 'author' ? newsroom.author.token : undefined

/** A JSON body for a write: field names of the collections (and others) with odd values. */
const jsonValue = fc.oneof(
  fc.constantFrom<unknown>(
    ...ODD_STRINGS,
    null,
    true,
    false,
    0,
    -1,
    1e308,
    [],
    {},
    [[['x']]],
    { root: null },
    { equals: 'x' },
  ),
  fc.string({ maxLength: 20 }),
  fc.integer(),
)
const writeBody = fc.dictionary(
  fc.constantFrom(...FIELDS, '_status', 'workflowStatus', 'id', 'file'),
  jsonValue,
  { maxKeys: 6 },
)

describe('fuzz: REST', () => {
  it('reads: no 5xx, nothing slow, as anonymous and as an author', async () => {
    await fc.assert(
      fc.asyncProperty(restPath, queryString, who, async (path, query, user) => {
        await check(
          {
            label: `GET /api/${path}${query} (${user})`,
            call: () => rest('GET', `${path}${query}`, { token: tokenOf(user) }),
          },
          { write: false },
        )
      }),
      runOptions(),
    )
  })

  it('writes: no 5xx, nothing slow, a refused write stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'PATCH', 'DELETE') as fc.Arbitrary<'POST' | 'PATCH' | 'DELETE'>,
        restPath,
        queryString,
        writeBody,
        who,
        fc.constantFrom(
          'application/json',
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
        ),
        async (method, path, query, body, user, type) => {
          const label = `${method} /api/${path}${query} ${type} ${JSON.stringify(body).slice(0, 200)} (${user})`
          const headers = { 'content-type': type }
          const call = () =>
            rest(method, `${path}${query}`, {
              token: tokenOf(user),
              headers,
              formData: JSON.stringify(body) as never,
            })
          await check({ label, call }, { write: true })
        },
      ),
      runOptions(),
    )
  })
})

// ---------------------------------------------------------------- GraphQL

const INTS = [-1, 0, 1, 2, 3, 10, 100, 5000, 5001, 2147483647]
const STRINGS = [
  '',
  'x',
  'title',
  '-publishedAt',
  'publishedAt,-id',
  'nope',
  'Größe',
  '%',
  '2020-01-01',
  'notadate',
  '😀',
]

/** Up to `max` distinct items of `items`, at least `min` (when there are that many). */
const pick = <T>(g: fc.GeneratorValue, items: readonly T[], min: number, max: number): T[] => {
  // Indices, not the schema's objects: fast-check compares the arguments of `g` deeply.
  const indices = items.map((_, index) => index)
  const chosen = g(fc.subarray, indices, {
    minLength: Math.min(min, items.length),
    maxLength: Math.min(max, items.length),
  })
  return chosen.map((index) => items[index])
}

/** A literal of `type` in GraphQL syntax, usually of the right type. */
function literal(g: fc.GeneratorValue, type: GraphQLInputType, depth: number): string {
  if (GraphQL.isNonNullType(type)) return literal(g, type.ofType, depth)
  if (GraphQL.isListType(type)) {
    const length = g(fc.integer, { min: 0, max: 2 })
    return `[${Array.from({ length }, () => literal(g, type.ofType, depth + 1)).join(', ')}]`
  }
  if (g(fc.integer, { min: 0, max: 19 }) === 0)
    return g(fc.constantFrom, 'null', '"x"', '1', 'true', '{}', '[]')
  if (GraphQL.isEnumType(type))
    return g(fc.constantFrom, ...type.getValues().map((value) => value.name))
  if (GraphQL.isInputObjectType(type)) {
    if (depth > 3) return '{}'
    const fields = Object.values(type.getFields())
    const chosen = pick(g, fields, 0, 3)
    return `{ ${chosen.map((field) => `${field.name}: ${literal(g, field.type, depth + 1)}`).join(', ')} }`
  }
  switch ((type as GraphQLNamedType).name) {
    case 'Int':
      return String(g(fc.constantFrom, ...INTS))
    case 'Float':
      return String(g(fc.constantFrom, 0, 1.5, -2, 1e9))
    case 'Boolean':
      return String(g(fc.boolean))
    case 'JSON':
    case 'JSONObject':
      return g(fc.constantFrom, '{}', '{ a: 1 }', '"x"', '[1, 2]', '{ root: { children: [] } }')
    case 'DateTime':
      return JSON.stringify(
        g(fc.constantFrom, '2020-01-01T00:00:00.000Z', '2031-05-06', 'notadate', ''),
      )
    default:
      return JSON.stringify(g(fc.constantFrom, ...STRINGS))
  }
}

/** A selection set of `type`: a few fields (with args and aliases), inline fragments. */
function selection(
  g: fc.GeneratorValue,
  type: GraphQLNamedType,
  depth: number,
  fragments: string[],
): string {
  if (GraphQL.isUnionType(type)) {
    const members = pick(g, type.getTypes(), 1, 2)
    return `{ __typename ${members.map((member) => `... on ${member.name} ${selection(g, member, depth + 1, fragments)}`).join(' ')} }`
  }
  const fields = Object.values((type as GraphQLObjectType).getFields())
  const leaves = fields.filter((field) => GraphQL.isLeafType(GraphQL.getNamedType(field.type)))
  if (depth > 2 && !leaves.length) return '{ __typename }'
  const chosen = depth > 2 ? pick(g, leaves.length ? leaves : fields, 1, 3) : pick(g, fields, 1, 4)
  const parts = chosen.map((field) => {
    const alias = g(fc.integer, { min: 0, max: 4 }) === 0 ? `a${g(fc.nat, 99)}: ` : ''
    const args = pick(g, field.args, 0, 4)
    const argText = args.length
      ? `(${args.map((arg) => `${arg.name}: ${literal(g, arg.type, 0)}`).join(', ')})`
      : ''
    const named = GraphQL.getNamedType(field.type)
    const inner = GraphQL.isLeafType(named) ? '' : ` ${selection(g, named, depth + 1, fragments)}`
    return `${alias}${field.name}${argText}${inner}`
  })
  const spread = g(fc.integer, { min: 0, max: 5 })
  if (spread === 0) parts.push(`... on ${type.name} { __typename }`)
  if (spread === 1 && depth < 3) {
    const name = `F${fragments.length}`
    fragments.push(`fragment ${name} on ${type.name} ${selection(g, type, depth + 1, fragments)}`)
    parts.push(`...${name}`, `...${name}`)
  }
  return `{ ${parts.join(' ')} }`
}

/**
 * Payload's own collections (preferences, locked documents, jobs, …) take no hooks from this
 * project's config, and still answer some odd queries with 500 (for example
 * `PayloadPreferences(limit: 0) { limit }`, `PayloadPreferences(where: { value: { within: … } })`,
 * a preference with `updatedAt: "%"`); they are reported in #15 and left out here. Readers
 * cannot reach them (their access needs a signed-in user).
 */
const PAYLOAD_INTERNAL = /Payload(Preference|LockedDocument|Kv|Job|Migration)/i

const graphqlDocument = fc.gen().map((g) => {
  const fragments: string[] = []
  const query = schema.getQueryType()!
  const roots = pick(
    g,
    Object.values(query.getFields()).filter((field) => !PAYLOAD_INTERNAL.test(field.name)),
    1,
    3,
  )
  const parts = roots.map((field, index) => {
    const args = pick(g, field.args, 0, 5)
    const argText = args.length
      ? `(${args.map((arg) => `${arg.name}: ${literal(g, arg.type, 0)}`).join(', ')})`
      : ''
    const named = GraphQL.getNamedType(field.type)
    const inner = GraphQL.isLeafType(named) ? '' : ` ${selection(g, named, 1, fragments)}`
    return `r${index}: ${field.name}${argText}${inner}`
  })
  return [`query { ${parts.join(' ')} }`, ...fragments].join('\n')
})

describe('fuzz: GraphQL', () => {
  it('documents from the schema’s query type: no 5xx, nothing slow, as anonymous and as an author', async () => {
    await fc.assert(
      fc.asyncProperty(graphqlDocument, who, async (query, user) => {
        await check(
          {
            label: `GraphQL (${user}) ${query}`,
            call: () => graphql(query, {}, { token: tokenOf(user) }),
          },
          { write: false },
        )
      }),
      runOptions(),
    )
  })

  it('mutations with generated data refused or done, never a 5xx, a refused one stores nothing', async () => {
    const mutation = schema.getMutationType()!
    const document = fc.gen().map((g) => {
      // Left out: the auth mutations (they change sessions, not documents) and Payload's own
      // collections (see PAYLOAD_INTERNAL).
      const fields = Object.values(mutation.getFields()).filter(
        (candidate) =>
          !/^(login|logout|refreshToken|forgotPassword|resetPassword|unlock|verify)/.test(
            candidate.name,
          ) && !PAYLOAD_INTERNAL.test(candidate.name),
      )
      const [field] = pick(g, fields, 1, 1)
      const args = field.args.filter((arg) => GraphQL.isNonNullType(arg.type) || g(fc.boolean))
      const argText = args.length
        ? `(${args.map((arg) => `${arg.name}: ${literal(g, arg.type, 0)}`).join(', ')})`
        : ''
      const named = GraphQL.getNamedType(field.type)
      const inner = GraphQL.isLeafType(named) ? '' : ' { __typename }'
      return `mutation { ${field.name}${argText}${inner} }`
    })
    await fc.assert(
      fc.asyncProperty(document, who, async (query, user) => {
        await check(
          {
            label: `GraphQL (${user}) ${query}`,
            call: () => graphql(query, {}, { token: tokenOf(user) }),
          },
          { write: true },
        )
      }),
      { ...runOptions(), numRuns: Math.ceil(RUNS / 2) },
    )
  })
})

describe('fuzz seed', () => {
  it('is reported for repeating a run', () => {
    // fast-check's failure report names the seed too; this line makes a passing run repeatable.
    console.info(`fuzz.test.ts: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`)
    expect(Number.isInteger(SEED)).toBe(true)
  })
})

// Keeps the slug type honest when collections change.
COLLECTIONS satisfies readonly CollectionSlug[]
