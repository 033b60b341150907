import { GraphQL } from '@payloadcms/graphql/types'
import type { ASTVisitor, ValidationContext, ValueNode } from 'graphql'

import { readerPageSizeError } from '@/lib/readerPageSize'

/**
 * The same rule for GraphQL, as a validation rule: every `limit` and `pagination` argument of
 * the document (list queries and join fields), literal or variable. A variable the request
 * leaves out counts with its declared default; a fragment's variable is checked against the
 * defaults of every operation that declares it.
 */
export function readerPageSizeRule(variables: Record<string, unknown> | null | undefined) {
  return (context: ValidationContext): ASTVisitor => {
    const defaults = new Map<string, ValueNode[]>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind !== 'OperationDefinition') continue
      for (const { variable, defaultValue } of definition.variableDefinitions ?? []) {
        if (defaultValue)
          defaults.set(variable.name.value, [
            ...(defaults.get(variable.name.value) ?? []),
            defaultValue,
          ])
      }
    }
    const valuesOf = (node: ValueNode): unknown[] => {
      if (node.kind === 'Variable') {
        const name = node.name.value
        if (variables && Object.hasOwn(variables, name)) return [variables[name]]
        return (defaults.get(name) ?? []).flatMap(valuesOf)
      }
      if (node.kind === 'IntValue' || node.kind === 'FloatValue') return [Number(node.value)]
      if (node.kind === 'BooleanValue') return [node.value]
      return []
    }
    return {
      Field(node) {
        for (const argument of node.arguments ?? []) {
          const name = argument.name.value
          if (name !== 'limit' && name !== 'pagination') continue
          for (const value of valuesOf(argument.value)) {
            const message = readerPageSizeError({ [name]: value })
            if (message)
              return context.reportError(new GraphQL.GraphQLError(message, { nodes: [node] }))
          }
        }
      },
    }
  }
}
