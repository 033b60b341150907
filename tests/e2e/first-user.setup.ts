import { expect, test } from '@playwright/test'

import { ADMIN, ADMIN_STATE } from './helpers'

test('the first-user screen creates the admin', async ({ page, request }) => {
  await page.goto('/admin')
  await expect(page).toHaveURL(/create-first-user/)
  await expect(page.getByText('Rolle')).toHaveCount(0)
  await page.getByLabel('E-Mail').fill(ADMIN.email)
  await page.getByLabel('Neues Passwort').fill(ADMIN.password)
  await page.getByLabel('Passwort bestätigen').fill(ADMIN.password)
  await page.getByLabel('Name').fill(ADMIN.name)
  await page.getByRole('button', { name: 'Erstellen' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/, { timeout: 30_000 })

  const me = await page.evaluate(() => fetch('/api/users/me').then((response) => response.json()))
  expect(me.user).toMatchObject({ email: ADMIN.email, role: 'admin', name: ADMIN.name })
  await page.context().storageState({ path: ADMIN_STATE })

  // The screen is gone once an account exists.
  const anonymous = await request.get('/api/users/me')
  expect((await anonymous.json()).user).toBeNull()
})
