import fs from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

import { configToSchema } from '@payloadcms/graphql'
import type * as GraphQL from 'graphql'
import { describe, expect, it } from 'vitest'

import configPromise from '@payload-config'

// The `graphql` instance Payload builds its schema with (see graphql-limits.test.ts).
const { printSchema } = createRequire(import.meta.url)('graphql') as typeof GraphQL

const SCHEMA_FILE = fileURLToPath(new URL('../../src/site/schema.graphql', import.meta.url))

/**
 * The site's typed queries are generated from the committed schema file. A config change that
 * alters the GraphQL schema must come with `npm run generate:graphql` (schema + types), else the
 * type check would pass against a schema the server no longer serves.
 */
describe('committed GraphQL schema', () => {
  it('matches the schema the current config generates (run `npm run generate:graphql`)', async () => {
    const config = await configPromise
    const generated = printSchema(configToSchema(config).schema)
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8')
    // Compare line by line first, so a failure names the first differing line.
    const generatedLines = generated.split('\n')
    const committedLines = committed.split('\n')
    const firstDifference = generatedLines.findIndex(
      (line, index) => line !== committedLines[index],
    )
    const where =
      firstDifference === -1
        ? ''
        : `line ${firstDifference + 1}: committed ${JSON.stringify(committedLines[firstDifference])}, generated ${JSON.stringify(generatedLines[firstDifference])}`
    expect(
      firstDifference,
      `src/site/schema.graphql is stale (run \`npm run generate:graphql\`), ${where}`,
    ).toBe(-1)
    expect(committed).toBe(generated)
  })

  it('is where the config writes it', async () => {
    const config = await configPromise
    expect(config.graphQL.schemaOutputFile).toBe(SCHEMA_FILE)
  })
})
