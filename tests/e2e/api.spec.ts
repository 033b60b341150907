import { expect, test } from '@playwright/test'

/**
 * Production hardening of the API that the browser tests' server shows: `npm start`'s command
 * (src/server/main.ts in production mode), started by scripts/e2e-server.mjs.
 */
test('the GraphQL playground is off in production', async ({ request }) => {
  const response = await request.get('/api/graphql-playground')
  expect(response.status()).toBe(404)
})

test('GraphQL introspection is off in production', async ({ request }) => {
  const response = await request.post('/api/graphql', {
    data: { query: '{ __schema { types { name } } }' },
  })
  const body = await response.json()
  expect(body.data?.__schema ?? null).toBeNull()
  expect(JSON.stringify(body.errors)).toMatch(/introspection/i)
})

test('anonymous readers get a 403 for the user list', async ({ request }) => {
  expect((await request.get('/api/users')).status()).toBe(403)
})

test('a page address with broken percent-encoding is a 4xx page, never a 500 (#15)', async ({
  request,
}) => {
  for (const path of ['/artikel/%C3%28', '/artikel/%E0%A4%A', '/quelle/%FF', '/%C3%28']) {
    const response = await request.get(path)
    expect(response.status(), path).toBeGreaterThanOrEqual(400)
    expect(response.status(), path).toBeLessThan(500)
  }
})
