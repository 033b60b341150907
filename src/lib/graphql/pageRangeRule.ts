import { GraphQL } from '@payloadcms/graphql/types'
import type { ASTVisitor, ValidationContext, ValueNode } from 'graphql'

import { pageParamsError } from '@/lib/readerPageSize'

/** GraphQL's `Int` is 32 bits: Payload's `pagingCounter` ((page − 1) × limit + 1) must fit. */
const MAX_INT = 2 ** 31 - 1
/** Payload's page size when a query names none. */
const DEFAULT_LIMIT = 10

const pageRangeMessage = `„page“ × „limit“ ist zu groß: höchstens ${MAX_INT} Einträge vor einer Seite.`

/**
 * For everyone, as with REST (src/lib/readerPageSize.ts `pageParamsError`): `limit` a whole
 * number from 0, `page` from 1 (a negative limit with a page failed in SQLite: 500). And a `page` whose first entry lies past 2³¹ − 1 made Payload answer a
 * `pagingCounter` GraphQL's `Int` cannot represent (500). Literal or variable values; a
 * variable the request leaves out is not checked.
 */
export function pageRangeRule(variables: Record<string, unknown> | null | undefined) {
  const valueOf = (node: ValueNode | undefined): number | undefined => {
    if (!node) return undefined
    if (node.kind === 'IntValue') return Number(node.value)
    if (node.kind === 'Variable') {
      const value = variables?.[node.name.value]
      return typeof value === 'number' ? value : undefined
    }
    return undefined
  }
  return (context: ValidationContext): ASTVisitor => ({
    Field(node) {
      const argument = (name: string) =>
        node.arguments?.find((arg) => arg.name.value === name)?.value
      const paramsError = pageParamsError({
        limit: valueOf(argument('limit')),
        page: valueOf(argument('page')),
      })
      if (paramsError)
        return context.reportError(new GraphQL.GraphQLError(paramsError, { nodes: [node] }))
      const page = valueOf(argument('page'))
      if (page === undefined || page <= 1) return
      const limit = argument('limit') ? valueOf(argument('limit')) : DEFAULT_LIMIT
      if (limit === undefined) return
      if ((page - 1) * Math.max(limit, 1) + 1 > MAX_INT) {
        context.reportError(new GraphQL.GraphQLError(pageRangeMessage, { nodes: [node] }))
      }
    },
  })
}
