import { GraphQL } from '@payloadcms/graphql/types'
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql'

/**
 * Bugs of Payload 3.90's GraphQL schema that answer valid queries with 500, fixed on the built
 * schema (found by tests/int/fuzz.test.ts). tests/unit/graphql-handler-fork.test.ts notices when
 * Payload changes the code concerned: then check whether these are still needed.
 */
export function payloadSchemaFixes(schema: GraphQLSchema): GraphQLSchema {
  globalDocAccessGetsContext(schema)
  missingPermissionsAreFalse(schema)
  return schema
}

/**
 * The resolver of `docAccess<Global>` reads the context from its second parameter (GraphQL
 * passes the arguments there): every such query failed with a TypeError.
 */
function globalDocAccessGetsContext(schema: GraphQLSchema) {
  for (const [name, field] of Object.entries(schema.getQueryType()?.getFields() ?? {})) {
    const resolve = field.resolve
    if (!name.startsWith('docAccess') || !resolve || resolve.length !== 2) continue
    field.resolve = (source, _args, context, info) => resolve(source, context, context, info)
  }
}

/**
 * Payload shortens its permission objects (sanitizePermissions): a granted operation becomes
 * `true` instead of `{ permission: true }`, a denied one is left out. The schema declares
 * `permission` and `canAccessAdmin` as `Boolean!`, so both were "Cannot return null for
 * non-nullable field" (500). `true` means true, left out means false.
 */
function missingPermissionsAreFalse(schema: GraphQLSchema) {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!GraphQL.isObjectType(type) || type.name.startsWith('__')) continue
    for (const field of Object.values(type.getFields())) {
      if (field.name !== 'permission' && field.name !== 'canAccessAdmin') continue
      if (!GraphQL.isNonNullType(field.type) || GraphQL.getNamedType(field.type).name !== 'Boolean')
        continue
      const resolve: GraphQLFieldResolver<unknown, unknown> =
        field.resolve ??
        ((source) =>
          source === true ? true : (source as Record<string, unknown> | null)?.[field.name])
      field.resolve = async (source, args, context, info) =>
        (await resolve(source, args, context, info)) ?? false
    }
  }
}
