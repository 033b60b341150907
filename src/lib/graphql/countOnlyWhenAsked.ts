/**
 * A collection list query (`Articles(limit: 10) { docs { … } }`) costs Payload a second
 * statement that counts every matching document, for `totalDocs`, `totalPages`,
 * `hasNextPage` and the like. When a query asks for nothing but `docs`, with an explicit limit
 * on the first page, nobody reads that count: the resolver then runs with `pagination: false`,
 * which on both adapters returns the same first `limit` documents in the same order, without
 * counting. Anything else (page fields, fragments, other pages, drafts, no limit, an explicit
 * `pagination`) runs unchanged. tests/unit/graphql-handler-fork.test.ts pins the Payload
 * resolvers this relies on.
 */
import type {
  FieldNode,
  GraphQLFieldResolver,
  GraphQLResolveInfo,
  GraphQLSchema,
  SelectionNode,
} from 'graphql'

const WITHOUT_COUNT = new Set(['docs', '__typename'])
const LIST_ARGUMENTS = ['draft', 'limit', 'page', 'pagination']

type ListArgs = { draft?: unknown; limit?: unknown; page?: unknown; pagination?: unknown }
type Context = { req?: { query?: Record<string, unknown> } }

const isPlainDocsField = (selection: SelectionNode): boolean =>
  selection.kind === 'Field' && WITHOUT_COUNT.has(selection.name.value)

/** True when every selection of the field is `docs` or `__typename`: no fragments, no page fields. */
function asksOnlyForDocs(fieldNodes: readonly FieldNode[]): boolean {
  return fieldNodes.every((node) => node.selectionSet?.selections.every(isPlainDocsField) ?? false)
}

/** Whether this list query can skip the count. */
function canSkipCount(
  args: ListArgs,
  fieldNodes: readonly FieldNode[],
  context?: Context,
): boolean {
  // Without a limit, `pagination: false` would mean "all documents" instead of the default 10.
  const firstPageWithLimit =
    typeof args.limit === 'number' &&
    Number.isInteger(args.limit) &&
    args.limit > 0 &&
    (args.page == null || args.page === 1)
  const draft = args.draft === true || context?.req?.query?.draft === 'true'
  return (
    args.pagination === undefined && firstPageWithLimit && !draft && asksOnlyForDocs(fieldNodes)
  )
}

/** Wraps the resolvers of the schema's collection list queries (those with draft/limit/page/pagination). */
export function countOnlyWhenAsked(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const argNames = new Set(field.args.map((arg) => arg.name))
    const resolve = field.resolve as GraphQLFieldResolver<unknown, Context, ListArgs> | undefined
    if (!resolve || !LIST_ARGUMENTS.every((name) => argNames.has(name))) continue
    field.resolve = (source: unknown, args: ListArgs, context: Context, info: GraphQLResolveInfo) =>
      resolve(
        source,
        canSkipCount(args, info.fieldNodes, context) ? { ...args, pagination: false } : args,
        context,
        info,
      )
  }
  return schema
}
