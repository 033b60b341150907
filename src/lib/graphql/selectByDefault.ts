/**
 * Every query field with a `select` argument gets `select: true` by default, so a query reads
 * and runs hooks only for the fields it asks for (a list of titles no longer loads every
 * article's body). Payload builds that selection from the query (`buildSelect` in
 * `@payloadcms/graphql`), but keeps only the last of two selections of one field — `docs` asked
 * directly and again through a fragment, `heroImage { url }` next to `heroImage { alt }` — and
 * reads only the first of several field nodes; a field then went unread and a non-null one failed
 * (`Cannot return null for non-nullable field Image.alt`). Where the query repeats a field that
 * has a selection of its own, the resolver reads the whole document instead (`select: false`):
 * slower, never wrong. tests/unit/graphql-handler-fork.test.ts pins the Payload resolvers and
 * selection builder this relies on.
 */
import type {
  FragmentDefinitionNode,
  GraphQLFieldResolver,
  GraphQLResolveInfo,
  GraphQLSchema,
  SelectionSetNode,
} from 'graphql'

type SelectArgs = { select?: unknown }

/**
 * Whether Payload's selection builder reads exactly what this field asks for: one field node,
 * and no field with a selection of its own asked twice at one level (fragments expanded).
 */
function selectIsExact(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): boolean {
  if (info.fieldNodes.length !== 1) return false
  const expanding = new Set<string>()
  const exact = (selectionSet: SelectionSetNode, seen = new Set<string>()): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === 'Field') {
        if (!selection.selectionSet) continue
        const name = selection.name.value
        if (seen.has(name) || !exact(selection.selectionSet)) return false
        seen.add(name)
      } else if (selection.kind === 'InlineFragment') {
        if (!exact(selection.selectionSet, seen)) return false
      } else {
        const name = selection.name.value
        const fragment: FragmentDefinitionNode | undefined = info.fragments[name]
        // Unknown or cyclic fragments are refused by GraphQL's validation before this runs.
        if (!fragment || expanding.has(name)) continue
        expanding.add(name)
        const ok = exact(fragment.selectionSet, seen)
        expanding.delete(name)
        if (!ok) return false
      }
    }
    return true
  }
  const selectionSet = info.fieldNodes[0].selectionSet
  return !selectionSet || exact(selectionSet)
}

export function selectByDefault(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const select = field.args.find((arg) => arg.name === 'select')
    const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown, SelectArgs> | undefined
    if (!select || !resolve) continue
    ;(select as { defaultValue: unknown }).defaultValue = true
    field.resolve = (source, args: SelectArgs, context, info) =>
      resolve(
        source,
        args.select && !selectIsExact(info) ? { ...args, select: false } : args,
        context,
        info,
      )
  }
  return schema
}
