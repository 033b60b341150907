import { expect, type APIRequestContext, type Page } from '@playwright/test'

export const ADMIN = {
  email: 'admin@newsroom.test',
  password: 'e2e-Admin-passwort-1',
  name: 'Ada Admin',
}
export const EDITOR = {
  email: 'editor@newsroom.test',
  password: 'e2e-Editor-passwort-1',
  name: 'Emil Editor',
  role: 'editor',
}
export const AUTHOR = {
  email: 'author@newsroom.test',
  password: 'e2e-Autor-passwort-1',
  name: 'Anna Autorin',
  role: 'author',
}

export const ADMIN_STATE = '.tmp/e2e-auth/admin.json'

export async function login(page: Page, user: { email: string; password: string }) {
  await page.goto('/admin/login')
  await page.getByLabel(/E-Mail/i).fill(user.email)
  await page.getByLabel(/Passwort|Password/i).fill(user.password)
  await page.getByRole('button', { name: /Anmelden|Login/i }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

export async function apiToken(
  request: APIRequestContext,
  user: { email: string; password: string },
): Promise<string> {
  const response = await request.post('/api/users/login', { data: user })
  expect(response.ok()).toBeTruthy()
  return (await response.json()).token
}

/** Creates a newsroom member through the REST API as the admin (idempotent). */
export async function ensureUser(request: APIRequestContext, user: typeof EDITOR) {
  const token = await apiToken(request, ADMIN)
  const headers = { Authorization: `JWT ${token}` }
  const existing = await request.get(
    `/api/users?where[email][equals]=${encodeURIComponent(user.email)}`,
    { headers },
  )
  if ((await existing.json()).totalDocs > 0) return
  const created = await request.post('/api/users', { headers, data: user })
  expect(created.status(), await created.text()).toBe(201)
}
