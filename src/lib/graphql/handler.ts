/**
 * The `/api/graphql` handler: a fork of Payload's own `GRAPHQL_POST`
 * (@payloadcms/next 3.90.1, dist/routes/graphql/handler.js: same request, error, hook and
 * header handling), kept because it measurably cuts the work of uncached reads. Only what no
 * public extension point can do lives here; the project's validation rules (page sizes, query
 * budget, no subscriptions) go through `graphQL.validationRules` in payload.config.ts
 * (src/lib/graphql/validationRules.ts) and run here exactly as in Payload's handler.
 *
 * - `select` defaults to true on every query, so a query reads and runs hooks only for the
 *   fields it asks for (Payload's default reads whole documents, Lexical bodies included, even
 *   for a list of titles). A client can still send `select: false`; where Payload's selection
 *   builder would miss a field the document reads whole (src/lib/graphql/selectByDefault.ts).
 * - A list query that asks only for `docs` of its first page is not counted
 *   (src/lib/graphql/countOnlyWhenAsked.ts).
 * - Two bugs of Payload's schema that answer 500 are fixed (src/lib/graphql/payloadSchemaFixes.ts).
 * - Parsed documents are kept by query text, and the result of GraphQL's standard validation
 *   rules by document: both depend on nothing but the text and the schema. The result of
 *   Payload's rule (query complexity) and ours is kept by document and by what they read: the
 *   variables and whether the user is newsroom staff (`validationVariant`).
 * - A body that is not JSON is a 400 (Payload's handler throws: 500), and so is a document that
 *   is refused before it runs (syntax or validation), with `application/json` too, and a
 *   subscription (Payload's complexity rule fails on it: 500; src/lib/graphql/noSubscriptionsRule.ts).
 *
 * None of this keeps data: every request still reads the database under its own access rights.
 * tests/unit/graphql-handler-fork.test.ts fails when Payload's handler changes: compare this
 * file with the new one then.
 */
import { configToSchema } from '@payloadcms/graphql'
import { GraphQL } from '@payloadcms/graphql/types'
import type { DocumentNode, GraphQLError, GraphQLSchema, Source, ValidationRule } from 'graphql'
import { createHandler } from 'graphql-http/lib/use/fetch'
import {
  addDataAndFileToRequest,
  addLocalesToRequestFromData,
  createPayloadRequest,
  headersWithCors,
  logError,
  mergeHeaders,
  type Payload,
  type PayloadRequest,
  type SanitizedConfig,
  unlinkClientUploadTempFile,
} from 'payload'

import { countOnlyWhenAsked } from './countOnlyWhenAsked'
import { DocumentCache } from './documentCache'
import { noSubscriptionsRule } from './noSubscriptionsRule'
import { payloadSchemaFixes } from './payloadSchemaFixes'
import { selectByDefault } from './selectByDefault'
import { validationVariant } from './validationRules'

type Built = ReturnType<typeof configToSchema>

const globalCache = globalThis as typeof globalThis & { _newsroomGraphql?: Promise<Built> }

function getSchema(config: SanitizedConfig): Promise<Built> {
  globalCache._newsroomGraphql ??= Promise.resolve().then(() => {
    const built = configToSchema(config)
    selectByDefault(built.schema)
    countOnlyWhenAsked(built.schema)
    payloadSchemaFixes(built.schema)
    return built
  })
  return globalCache._newsroomGraphql.catch((error) => {
    globalCache._newsroomGraphql = undefined
    throw error
  })
}

// The `graphql` instance Payload builds its schema with (Node and bundlers may otherwise load
// its CommonJS and ES module builds side by side, and graphql refuses to mix them).
const { parse, specifiedRules, validate } = GraphQL

const documents = new DocumentCache<DocumentNode>({ maxEntries: 500, maxQueryLength: 100_000 })
const standardValidation = new WeakMap<DocumentNode, readonly GraphQLError[]>()
/** The other rules' results by document, then by variant (`validationVariant`). */
const otherValidation = new WeakMap<DocumentNode, Map<string, readonly GraphQLError[]>>()
const VARIANTS_PER_DOCUMENT = 100

function cachedParse(source: string | Source): DocumentNode {
  return typeof source === 'string' ? documents.get(source, parse) : parse(source)
}

/**
 * GraphQL's standard rules (and the missing root type check of graphql 17: no subscriptions)
 * once per document; the other rules (Payload's and ours) only for a valid document, once per
 * document and `variant` (every time without one).
 */
function cachedValidate(
  schema: GraphQLSchema,
  document: DocumentNode,
  rules: readonly ValidationRule[] = specifiedRules,
  variant: string | null = null,
): readonly GraphQLError[] {
  let standardErrors = standardValidation.get(document)
  if (!standardErrors) {
    standardErrors = validate(schema, document, [...specifiedRules, noSubscriptionsRule])
    standardValidation.set(document, standardErrors)
  }
  if (standardErrors.length) return standardErrors
  const otherRules = rules.filter((rule) => !specifiedRules.includes(rule))
  if (!otherRules.length) return []
  let variants = otherValidation.get(document)
  const kept = variant === null ? undefined : variants?.get(variant)
  if (kept) return kept
  const errors = validate(schema, document, otherRules)
  if (variant !== null) {
    if (!variants) otherValidation.set(document, (variants = new Map()))
    if (variants.size >= VARIANTS_PER_DOCUMENT) variants.delete(variants.keys().next().value!)
    variants.set(variant, errors)
  }
  return errors
}

async function formatError(error: GraphQLError, payload: Payload, req: PayloadRequest) {
  const original = error.originalError as (Error & { status?: number; data?: unknown }) | undefined
  const status = original?.status || 500
  // Logged as the error the resolver threw, so `loggingLevels` applies (a refusal is one line).
  logError({ err: original ?? error, payload })
  // Internal errors can contain anything; their details stay in the log unless `debug` is on.
  const message = !payload.config.debug && status === 500 ? 'Something went wrong.' : error.message
  let formatted: Record<string, unknown> = {
    extensions: {
      name: original?.name || undefined,
      data: original?.data || undefined,
      stack: payload.config.debug ? error.stack : undefined,
      statusCode: status,
    },
    locations: error.locations,
    message,
    path: error.path,
  }
  for (const hook of payload.config.hooks.afterError ?? []) {
    const result = await hook({
      context: req.context,
      error,
      graphqlResult: formatted,
      req,
    } as never)
    if (result && typeof result === 'object' && 'graphqlResult' in result && result.graphqlResult)
      formatted = result.graphqlResult as unknown as Record<string, unknown>
  }
  return formatted
}

export function graphqlPost(configPromise: Promise<SanitizedConfig> | SanitizedConfig) {
  return async (request: Request): Promise<Response> => {
    const originalRequest = request.clone()
    const req = await createPayloadRequest({ canSetHeaders: true, config: configPromise, request })
    const { payload } = req
    if (payload.config.graphQL?.disable) return new Response(null, { status: 404 })
    try {
      try {
        await addDataAndFileToRequest(req)
      } catch (error) {
        // A body that is not JSON (or a broken upload) is the client's mistake: 400, not 500.
        const status = (error as { status?: number }).status
        if (!status || status < 400 || status >= 500) throw error
        return Response.json(
          { errors: [{ message: (error as Error).message }] },
          { status, headers: headersWithCors({ headers: new Headers(), req }) },
        )
      }
      addLocalesToRequestFromData(req)
      const { schema, validationRules } = await getSchema(payload.config)
      const headers: Record<string, string> = {}
      let refused = false
      let variant: string | null = null
      const apiResponse = await createHandler({
        context: { headers, req } as never,
        parse: (source) => {
          refused = true
          const document = cachedParse(source)
          refused = false
          return document
        },
        validate: (validatedSchema, document, rules) => {
          const errors = cachedValidate(validatedSchema, document, rules, variant)
          refused = errors.length > 0
          return errors
        },
        validationRules: (_request, args, standardRules) => {
          variant = validationVariant(args)
          return [...standardRules, ...validationRules(args)]
        },
        onOperation: async (httpRequest, args, result) => {
          const response =
            typeof payload.extensions === 'function'
              ? await payload.extensions({ args, req: httpRequest, result } as never)
              : result
          if (!('errors' in response) || !response.errors) return response
          const errors = await Promise.all(
            (result as { errors: GraphQLError[] }).errors.map((error) =>
              formatError(error, payload, req),
            ),
          )
          return { ...response, errors } as never
        },
        schema,
      })(originalRequest)
      const responseHeaders = headersWithCors({ headers: new Headers(apiResponse.headers), req })
      for (const key in headers) responseHeaders.append(key, headers[key])
      return new Response(apiResponse.body, {
        headers: req.responseHeaders
          ? mergeHeaders(req.responseHeaders, responseHeaders)
          : responseHeaders,
        // graphql-http answers a refused document with 200 for `application/json` (400 only for
        // `application/graphql-response+json`); it is the client's mistake either way.
        status: refused && apiResponse.status === 200 ? 400 : apiResponse.status,
      })
    } finally {
      // GraphQL reads the body itself, and an operation that writes nothing never reaches the
      // operation-level cleanup of uploaded temp files.
      await unlinkClientUploadTempFile({ req })
    }
  }
}
