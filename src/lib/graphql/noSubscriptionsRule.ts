import { GraphQL } from '@payloadcms/graphql/types'
import type { ASTVisitor, ValidationContext } from 'graphql'

const noSubscriptionsMessage =
  'Abonnements (subscription) werden nicht unterstützt; bitte „query“ oder „mutation“ verwenden.'

/**
 * The schema has no subscription type, and graphql 16's standard rules let `subscription { … }`
 * through (graphql 17 adds KnownOperationTypesRule for it); Payload's complexity rule then fails
 * on the missing root type, a 500. The handler (src/lib/graphql/handler.ts) runs this rule with
 * the standard rules, before Payload's and ours.
 */
export function noSubscriptionsRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation === 'subscription' && !context.getSchema().getSubscriptionType()) {
        context.reportError(new GraphQL.GraphQLError(noSubscriptionsMessage, { nodes: [node] }))
      }
    },
  }
}
