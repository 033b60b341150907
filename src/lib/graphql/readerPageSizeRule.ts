import { GraphQL } from '@payloadcms/graphql/types'
import type { ASTVisitor, ValidationContext, ValueNode } from 'graphql'

import { readerPageSizeError } from '@/lib/readerPageSize'

/**
 * The same rule for GraphQL, as a validation rule: every `limit` and `pagination` argument of
 * the document (list queries and join fields), literal or variable.
 */
export function readerPageSizeRule(variables: Record<string, unknown> | null | undefined) {
  const valueOf = (node: ValueNode): unknown => {
    if (node.kind === 'Variable') return variables?.[node.name.value]
    if (node.kind === 'IntValue' || node.kind === 'FloatValue') return Number(node.value)
    if (node.kind === 'BooleanValue') return node.value
    return undefined
  }
  return (context: ValidationContext): ASTVisitor => ({
    Field(node) {
      const args: { limit?: unknown; pagination?: unknown } = {}
      for (const argument of node.arguments ?? []) {
        if (argument.name.value === 'limit') args.limit = valueOf(argument.value)
        if (argument.name.value === 'pagination') args.pagination = valueOf(argument.value)
      }
      const message = readerPageSizeError(args)
      if (message) context.reportError(new GraphQL.GraphQLError(message, { nodes: [node] }))
    },
  })
}
