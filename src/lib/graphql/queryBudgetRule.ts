import { GraphQL } from '@payloadcms/graphql/types'
import type {
  ASTVisitor,
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLNamedType,
  GraphQLSchema,
  SelectionNode,
  SelectionSetNode,
  ValidationContext,
} from 'graphql'

/**
 * How much one GraphQL document may ask of the database, counted with every alias and every
 * fragment spread expanded; a part `@skip`ped or not `@include`d by a literal or by the
 * request's variables does not count (as with Payload's complexity rule).
 *
 * - `queries`: each list field (a collection list or a join field: a type with `docs`) is one
 *   database query, and one more when it asks for anything besides `docs` (`totalDocs`, pages:
 *   Payload counts the matching documents for those).
 * - `fields`: every field of the answer, `__typename` included.
 *
 * Payload's complexity limit (`graphQL.maxComplexity`) counts a plain field as 1, so three
 * hundred aliases of `Articles(limit: 1) { totalDocs }` cost 600 there but mean 600 statements.
 */
export type QueryBudget = { queries: number; fields: number }

/** Readers: the site's largest query asks for 3 lists and about 60 fields. */
export const READER_QUERY_BUDGET: QueryBudget = { queries: 20, fields: 200 }
/** The newsroom (signed-in staff): room for dashboards and scripts, not for a stall. */
export const STAFF_QUERY_BUDGET: QueryBudget = { queries: 100, fields: 2000 }

const queryBudgetMessage = (budget: QueryBudget, used: QueryBudget): string =>
  used.queries > budget.queries
    ? `Die Abfrage ist zu umfangreich: höchstens ${budget.queries} Listenabfragen je Anfrage ` +
      `(diese Abfrage: ${used.queries}; Listen mit Gesamtzahl oder Seitenangaben zählen doppelt).`
    : `Die Abfrage ist zu umfangreich: höchstens ${budget.fields} Felder je Anfrage ` +
      `(diese Abfrage: ${used.fields}, Aliase und Fragmente mitgezählt).`

const PAGE_FIELDS_FREE = new Set(['docs', '__typename'])

const isListType = (type: GraphQLNamedType | undefined | null): boolean =>
  GraphQL.isObjectType(type) && 'docs' in type.getFields()

/** What a document's operations ask for, summed over its operations. */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined = {},
): QueryBudget {
  /** False for a selection left out by `@skip(if: true)` or `@include(if: false)`. */
  const included = ({ directives }: SelectionNode): boolean =>
    !directives?.some(({ name, arguments: args }) => {
      if (name.value !== 'skip' && name.value !== 'include') return false
      const value = args?.find((arg) => arg.name.value === 'if')?.value
      const condition =
        value?.kind === 'BooleanValue'
          ? value.value
          : value?.kind === 'Variable'
            ? variables?.[value.name.value]
            : undefined
      // Unknown (a missing variable): counted, whichever the directive.
      if (typeof condition !== 'boolean') return false
      return name.value === 'skip' ? condition : !condition
    })

  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition)
  }
  const memo = new Map<string, QueryBudget>()
  const expanding = new Set<string>()

  const costOf = (
    parent: GraphQLNamedType | undefined | null,
    selectionSet: SelectionSetNode,
  ): QueryBudget => {
    const total: QueryBudget = { queries: 0, fields: 0 }
    const add = (cost: QueryBudget) => {
      total.queries += cost.queries
      total.fields += cost.fields
    }
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue
      if (selection.kind === 'Field') {
        total.fields += 1
        const fields =
          GraphQL.isObjectType(parent) || GraphQL.isInterfaceType(parent) ? parent.getFields() : {}
        const definition = fields[selection.name.value]
        const type = definition ? GraphQL.getNamedType(definition.type) : undefined
        if (isListType(type)) {
          const counted = selection.selectionSet?.selections.some(
            (inner) => inner.kind !== 'Field' || !PAGE_FIELDS_FREE.has(inner.name.value),
          )
          total.queries += counted ? 2 : 1
        }
        if (selection.selectionSet) add(costOf(type, selection.selectionSet))
      } else if (selection.kind === 'InlineFragment') {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent
        add(costOf(type, selection.selectionSet))
      } else {
        const name = selection.name.value
        const fragment = fragments.get(name)
        // Unknown or cyclic fragments are refused by GraphQL's own rules.
        if (!fragment || expanding.has(name)) continue
        let cost = memo.get(name)
        if (!cost) {
          expanding.add(name)
          cost = costOf(schema.getType(fragment.typeCondition.name.value), fragment.selectionSet)
          expanding.delete(name)
          memo.set(name, cost)
        }
        add(cost)
      }
    }
    return total
  }

  const total: QueryBudget = { queries: 0, fields: 0 }
  for (const definition of document.definitions) {
    if (definition.kind !== 'OperationDefinition') continue
    const root = schema.getRootType(definition.operation)
    const cost = costOf(root, definition.selectionSet)
    total.queries += cost.queries
    total.fields += cost.fields
  }
  return total
}

/** Refuses a document that asks for more than `budget` (one error, on the whole document). */
export function queryBudgetRule(budget: QueryBudget, variables?: Record<string, unknown> | null) {
  return (context: ValidationContext): ASTVisitor => ({
    Document: {
      enter(node) {
        const used = queryCost(context.getSchema(), node, variables)
        if (used.queries > budget.queries || used.fields > budget.fields) {
          context.reportError(
            new GraphQL.GraphQLError(queryBudgetMessage(budget, used), { nodes: [node] }),
          )
        }
        return GraphQL.BREAK
      },
    },
  })
}
