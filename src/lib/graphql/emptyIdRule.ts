import { GraphQL } from '@payloadcms/graphql/types'
import type { ASTVisitor, ValidationContext } from 'graphql'

const emptyIdMessage = '„id“ darf nicht leer sein.'

/**
 * An `id` argument that is the empty string, literal or variable: Payload reads it as "no id"
 * (`docAccess<Collection>(id: "")` then breaks a non-null field: 500). Refused with a message.
 */
export function emptyIdRule(variables: Record<string, unknown> | null | undefined) {
  return (context: ValidationContext): ASTVisitor => ({
    Argument(node) {
      if (node.name.value !== 'id') return
      const { value } = node
      const empty =
        (value.kind === 'StringValue' && value.value.trim() === '') ||
        (value.kind === 'Variable' &&
          typeof variables?.[value.name.value] === 'string' &&
          (variables[value.name.value] as string).trim() === '')
      if (empty) context.reportError(new GraphQL.GraphQLError(emptyIdMessage, { nodes: [node] }))
    },
  })
}
