import type { CodegenConfig } from '@graphql-codegen/cli'

/**
 * Typed GraphQL documents for the public site: the `graphql()` calls in the data layer are
 * checked against the committed schema (`src/site/schema.graphql`, written by
 * `payload-graphql generate:schema`) and turned into TypeScript types in `src/site/gql/`.
 * `npm run generate:graphql` runs both steps; a schema change then breaks `tsc`, not a page.
 */
const config: CodegenConfig = {
  schema: 'src/site/schema.graphql',
  documents: ['src/site/**/*.ts', 'src/app/(frontend)/**/*.tsx', '!src/site/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/site/gql/': {
      preset: 'client',
      presetConfig: {
        // Components receive plain fragment data; no unmasking helper needed.
        fragmentMasking: false,
      },
      config: {
        // Documents are strings (`TypedDocumentString`): the fetch client posts them as they are,
        // no GraphQL AST or printer in the page bundles.
        documentMode: 'string',
        useTypeImports: true,
        enumType: 'string-literal',
        skipTypename: true,
        scalars: {
          DateTime: 'string',
          EmailAddress: 'string',
          JSON: 'unknown',
        },
      },
    },
  },
}

export default config
