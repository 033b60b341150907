import { expect, test } from '@playwright/test'
import sharp from 'sharp'

import { ADMIN_STATE } from './helpers'

test.use({ storageState: ADMIN_STATE })

test('the admin creates an image, a source and an article, publishes it and sees it listed', async ({
  page,
}, testInfo) => {
  const run = Date.now().toString(36)
  const sourceName = `Kyodo News ${run}`
  const title = `Japan und die EU üben gemeinsam ${run}`
  const slug = `japan-und-die-eu-ueben-gemeinsam-${run}`
  const picture = testInfo.outputPath('pressefoto.jpg')
  await sharp({ create: { width: 1800, height: 1000, channels: 3, background: '#2a6f97' } })
    .jpeg()
    .toFile(picture)

  // Image with its licence credit.
  await page.goto('/admin/collections/images/create')
  await page.locator('input[type="file"]').setInputFiles(picture)
  await page.getByLabel('Alternativtext').fill('Hafen von Yokohama im Abendlicht')
  await page.getByLabel('Urheber').fill('Elionas2')
  await page.locator('#field-credit__license').click()
  await page.getByRole('option', { name: 'CC0', exact: true }).click()
  await page.getByLabel('Anbieter').fill('Pixabay')
  await page.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.locator('#field-creditLine')).toHaveValue('Elionas2 (CC0), Pixabay')

  // Source.
  await page.goto('/admin/collections/sources/create')
  await page.getByLabel('Name').fill(sourceName)
  await page.locator('#field-kind').click()
  await page.getByRole('option', { name: 'Nachrichtenagentur' }).click()
  await page.getByLabel('Website').fill('https://english.kyodonews.net')
  await page.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.locator('#field-slug')).toHaveValue(`kyodo-news-${run}`)

  // Article with body, hero image and source.
  await page.goto('/admin/collections/articles/create')
  await page.locator('#field-title').fill(title)
  await page.getByLabel('Ortsmarke').fill('TOKIO')
  await page.locator('.rich-text-lexical [contenteditable="true"]').first().click()
  await page.keyboard.type('Die Marineübung beginnt am Montag vor der Küste von Yokohama.')
  await page
    .locator('#field-heroImage')
    .getByRole('button', { name: /Aus vorhandenen auswählen/ })
    .click()
  await page.getByRole('dialog').getByText('pressefoto.jpg').click()
  await expect(page.locator('#field-heroImage')).toContainText('pressefoto.jpg')
  await page.locator('#field-sources .rs__control').click()
  await page.getByRole('option', { name: sourceName }).click()
  await page.screenshot({ path: testInfo.outputPath('article-edit-view.png'), fullPage: true })
  await testInfo.attach('article-edit-view', {
    path: testInfo.outputPath('article-edit-view.png'),
    contentType: 'image/png',
  })

  // Let autosave settle first: publishing while a draft save is in flight races with it.
  const stored = () =>
    page.evaluate(async (articleSlug) => {
      const response = await fetch(
        `/api/articles?where[slug][equals]=${articleSlug}&draft=true&depth=0`,
      )
      return (await response.json()).docs?.[0] ?? {}
    }, slug)
  await expect
    .poll(async () => ((await stored()).sources ?? []).length, { timeout: 20_000 })
    .toBe(1)
  await page
    .getByRole('button', { name: /veröffentlichen/i })
    .first()
    .click()
  await expect.poll(async () => (await stored())._status, { timeout: 20_000 }).toBe('published')
  await expect(page.getByText(/erfolgreich|veröffentlicht/i).first()).toBeVisible()
  await expect(page.locator('#field-slug')).toHaveValue(slug)

  await page.goto('/admin/collections/articles')
  const row = page.getByRole('row', { name: new RegExp(title) })
  await expect(row).toBeVisible()
  await expect(row.getByText('Online', { exact: true })).toBeVisible()

  const reader = await page.request.get(`/api/articles?where[slug][equals]=${slug}&depth=1`, {
    headers: { Cookie: '' },
  })
  const { docs } = await reader.json()
  expect(docs[0]).toMatchObject({ title, dateline: 'TOKIO', _status: 'published' })
  expect(docs[0].heroImage.creditLine).toBe('Elionas2 (CC0), Pixabay')
  expect(docs[0].sources.map((source: { name: string }) => source.name)).toEqual([sourceName])
})
