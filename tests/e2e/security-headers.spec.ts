import { expect, test, type Page, type Response } from '@playwright/test'

import { ADMIN_STATE } from './helpers'

/**
 * Security headers (#15) on the production build in Chromium: the site and Payload's admin
 * work under their Content-Security-Policy (no violation reported while pages load and hydrate),
 * and every answer carries the headers.
 */
const SITE_CSP =
  /script-src 'self' 'unsafe-inline'.*object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'/
const ADMIN_CSP = /object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'/
const API_CSP = "default-src 'none'; frame-ancestors 'none'"

/** Collects CSP violations: Chromium's console messages and the DOM's violation events. */
function watchViolations(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
      violations.push(message.text())
  })
  page.on('pageerror', (error) => {
    if (/Content Security Policy/i.test(error.message)) violations.push(error.message)
  })
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`,
      )
    })
  })
  return violations
}

function expectHeaders(response: Response | null, csp: RegExp | string, frames: string) {
  expect(response, 'a response').toBeTruthy()
  const headers = response!.headers()
  if (typeof csp === 'string') expect(headers['content-security-policy']).toBe(csp)
  else expect(headers['content-security-policy']).toMatch(csp)
  expect(headers['x-frame-options']).toBe(frames)
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  // The e2e server runs on plain http on loopback: no HSTS.
  expect(headers['strict-transport-security']).toBeUndefined()
}

test('the site works under its policy: home page and an article', async ({ page }) => {
  const violations = watchViolations(page)
  const home = await page.goto('/')
  expectHeaders(home, SITE_CSP, 'SAMEORIGIN')
  const first = page.locator('.card__title a').first()
  await expect(first).toBeVisible()
  const href = (await first.getAttribute('href'))!
  await page.waitForLoadState('networkidle')

  const article = await page.goto(href)
  expectHeaders(article, SITE_CSP, 'SAMEORIGIN')
  await expect(page.locator('h1')).toBeVisible()
  // The comment form is hydrated (its timing token is fetched by the browser).
  await expect(
    page
      .locator('form')
      .filter({ has: page.locator('textarea') })
      .first(),
  ).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(violations).toEqual([])
})

test('the admin login works under its policy', async ({ page }) => {
  const violations = watchViolations(page)
  const login = await page.goto('/admin/login')
  expectHeaders(login, ADMIN_CSP, 'DENY')
  await expect(page.getByLabel(/E-Mail/i)).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(violations).toEqual([])
})

test.describe('signed in', () => {
  test.use({ storageState: ADMIN_STATE })

  test('the admin dashboard and an article with live preview work under the policy', async ({
    page,
  }) => {
    const violations = watchViolations(page)
    const dashboard = await page.goto('/admin')
    expectHeaders(dashboard, ADMIN_CSP, 'DENY')
    await expect(page.getByRole('link', { name: /Artikel/ }).first()).toBeVisible()
    await page.waitForLoadState('networkidle')

    await page.goto('/admin/collections/articles')
    await page.locator('.cell-title a, td a').first().click()
    await expect(page.locator('.rich-text-lexical [contenteditable="true"]').first()).toBeVisible()
    await page.waitForLoadState('networkidle')
    // Live preview: the admin frames the site (frame-src 'self' here, frame-ancestors 'self' there).
    await page.locator('#live-preview-toggler').click()
    await expect(page.locator('iframe')).toHaveCount(1)
    await expect(page.frameLocator('iframe').locator('h1').first()).toBeVisible()
    await expect(page.frameLocator('iframe').getByText('Vorschau – Entwurf')).toBeVisible()
    // The preview keeps talking to the admin (no network idle): give late reports a moment.
    await page.waitForTimeout(1500)
    expect(violations).toEqual([])
  })
})

test('API answers and the feed carry the headers', async ({ request }) => {
  for (const path of ['/api/articles?limit=1', '/feed.xml', '/api/users/me']) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    const headers = response.headers()
    expect(headers['content-security-policy'], path).toBe(API_CSP)
    expect(headers['x-frame-options'], path).toBe('DENY')
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
  }
  const graphql = await request.post('/api/graphql', {
    data: { query: '{ Articles(limit: 1) { totalDocs } }' },
  })
  expect(graphql.headers()['content-security-policy']).toBe(API_CSP)
})
