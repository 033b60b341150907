import { expect, test, type APIRequestContext } from '@playwright/test'

import { paragraphsToLexical } from '../../src/lib/lexical'
import { makeImage } from '../helpers/images'
import { ADMIN, EDITOR, apiToken, ensureUser, login } from './helpers'

/**
 * SEO fields and reading time (#16, "What editors miss"): an editor sees the word count of the
 * article, generates and writes the meta title and description, picks a sharing image, sees the
 * search-result preview, publishes; the article page's <head> shows all three. Screenshots in
 * test-results/e2e/seo-*.png.
 */
const run = Date.now().toString(36)
const words = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ')

async function uploadImage(request: APIRequestContext, token: string, name: string, alt: string) {
  const buffer = await makeImage('jpeg', 1600, 900)
  const response = await request.post('/api/images', {
    headers: { Authorization: `JWT ${token}` },
    multipart: {
      file: { name, mimeType: 'image/jpeg', buffer },
      _payload: JSON.stringify({
        alt,
        credit: { author: 'Elionas2', license: 'cc0', provider: 'Pixabay' },
      }),
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).doc as { id: string; filename: string }
}

test('an editor fills the SEO fields next to the word count; the article page uses them', async ({
  page,
  request,
  browser,
}) => {
  await ensureUser(request, EDITOR)
  const token = await apiToken(request, ADMIN)
  const hero = await uploadImage(request, token, `aufmacher-${run}.jpg`, 'Der Hafen am Morgen')
  const share = await uploadImage(request, token, `teilen-${run}.jpg`, 'Kräne im Hafen')
  const title = `Der Hafen wird ausgebaut ${run}`
  // 450 words: "450 Wörter · ca. 2 Min. Lesezeit" (200 words per minute).
  const created = await request.post('/api/articles', {
    headers: { Authorization: `JWT ${token}` },
    data: {
      title,
      excerpt: 'Der Anriss des Artikels.',
      heroImage: hero.id,
      _status: 'published',
      content: paragraphsToLexical([words(200, 'a'), words(250, 'b')]),
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { id, slug } = (await created.json()).doc as { id: string; slug: string }

  // Before: the site falls back to title, excerpt and hero image.
  const reader = await browser.newPage()
  await reader.goto(`/artikel/${slug}`)
  await expect(reader).toHaveTitle(`${title} – Newsroom`)
  await expect(reader.locator('meta[name="description"]')).toHaveAttribute(
    'content',
    'Der Anriss des Artikels.',
  )
  await expect(reader.locator('meta[property="og:image"]')).toHaveAttribute(
    'content',
    new RegExp(`aufmacher-${run}`),
  )

  await login(page, EDITOR)
  await page.goto(`/admin/collections/articles/${id}`)
  await expect(page.locator('#field-title')).toHaveValue(title)

  // The word count follows the text as the editor types.
  const readingTime = page.getByTestId('reading-time')
  await expect(readingTime).toHaveText('450 Wörter · ca. 2 Min. Lesezeit')
  await page.locator('.rich-text-lexical [contenteditable="true"]').first().click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Noch drei Wörter.')
  await expect(readingTime).toHaveText('453 Wörter · ca. 2 Min. Lesezeit')
  await page.locator('.document-fields__sidebar').screenshot({
    path: 'test-results/e2e/seo-word-count.png',
  })

  // SEO: generate the title from the article, then write an own one and a description.
  const metaTitle = page.locator('#field-meta__title')
  await metaTitle.scrollIntoViewIfNeeded()
  await expect(page.getByText('Suchmaschinen und Teilen (SEO)')).toBeVisible()
  await page.getByRole('button', { name: 'Automatisch generieren' }).first().click()
  await expect(metaTitle).toHaveValue(`${title} – Newsroom`)
  const ownTitle = `Hafenausbau: Was sich für Anwohner ändert ${run}`
  const description =
    'Der Hafen wird bis 2030 ausgebaut. Was das für Anwohner, Verkehr und Arbeitsplätze bedeutet – der Überblick.'
  await metaTitle.fill(ownTitle)
  await page.locator('#field-meta__description').fill(description)

  // The sharing image: another picture than the hero image, chosen from the existing ones.
  const metaImage = page.locator('#field-meta__image')
  await metaImage.getByRole('button', { name: /Aus vorhandenen auswählen/ }).click()
  const drawer = page.locator('.list-drawer')
  await expect(drawer).toBeVisible()
  await drawer.getByText(share.filename).first().click()
  await expect(drawer).toBeHidden()
  await expect(metaImage).toContainText(share.filename)

  // The search-result preview shows what was written.
  const preview = page.getByText('Vorschau', { exact: true }).locator('..')
  await expect(page.getByText(ownTitle, { exact: true }).last()).toBeVisible()
  await expect(page.getByText(description, { exact: true }).last()).toBeVisible()
  await expect(page.getByText(new RegExp(`/artikel/${slug}$`))).toBeVisible()
  await expect(preview).toBeVisible()
  await page.screenshot({ path: 'test-results/e2e/seo-admin.png', fullPage: true })

  await page
    .getByRole('button', { name: /veröffentlichen/i })
    .first()
    .click()
  await expect(page.getByTestId('article-status')).toHaveText('Online')

  // After: the article page's <head> shows the editor's values.
  await expect
    .poll(async () => {
      await reader.goto(`/artikel/${slug}`)
      return reader.title()
    })
    .toBe(ownTitle)
  await expect(reader.locator('meta[name="description"]')).toHaveAttribute('content', description)
  await expect(reader.locator('meta[property="og:title"]')).toHaveAttribute('content', ownTitle)
  await expect(reader.locator('meta[property="og:description"]')).toHaveAttribute(
    'content',
    description,
  )
  await expect(reader.locator('meta[property="og:image"]')).toHaveAttribute(
    'content',
    new RegExp(`teilen-${run}.*\\.jpg`),
  )
  await expect(reader.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200')
  // The body on the page is the published one, with the words typed in the admin.
  await expect(reader.getByText('Noch drei Wörter.', { exact: false })).toBeVisible()
  await reader.close()
})
