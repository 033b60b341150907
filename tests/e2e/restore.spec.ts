import { expect, test } from '@playwright/test'

import { paragraphsToLexical } from '../../src/lib/lexical'
import { ADMIN, AUTHOR, apiToken, ensureUser, login } from './helpers'

/**
 * An author restores an earlier draft of their published article from the admin's version
 * view: the admin offers only a plain "restore" for draft versions, and the server makes it a
 * draft restore, so readers keep the published text and the author gets the old text back as
 * the newest draft.
 */
const run = Date.now().toString(36)

test('an author restores an earlier draft of a published article; readers keep the published one', async ({
  page,
  request,
}) => {
  await ensureUser(request, AUTHOR)
  const author = { Authorization: `JWT ${await apiToken(request, AUTHOR)}` }
  const admin = { Authorization: `JWT ${await apiToken(request, ADMIN)}` }
  const firstTitle = `Erste Fassung ${run}`
  const publishedTitle = `Veröffentlichte Fassung ${run}`

  const draft = await request.post('/api/articles?draft=true', {
    headers: author,
    data: {
      title: firstTitle,
      content: paragraphsToLexical([`${firstTitle}: der erste Text der Autorin.`]),
    },
  })
  expect(draft.status(), await draft.text()).toBe(201)
  const { id } = (await draft.json()).doc as { id: string }
  const published = await request.patch(`/api/articles/${id}`, {
    headers: admin,
    data: { title: publishedTitle, _status: 'published' },
  })
  expect(published.status(), await published.text()).toBe(200)
  const versions = await request.get(
    `/api/articles/versions?where[parent][equals]=${id}&sort=createdAt&depth=0`,
    { headers: admin },
  )
  const first = ((await versions.json()).docs as { id: string; version: { title: string } }[]).find(
    (doc) => doc.version.title === firstTitle,
  )!
  expect(first).toBeTruthy()

  await login(page, AUTHOR)
  await page.goto(`/admin/collections/articles/${id}/versions/${first.id}`)
  await page.getByRole('button', { name: 'Diese Version wiederherstellen' }).click()
  await page.getByRole('button', { name: 'Bestätigen' }).click()
  await expect(page.getByText('Erfolgreich wiederhergestellt.')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/admin/collections/articles/${id}$`))
  await expect(page.locator('#field-title')).toHaveValue(firstTitle)

  const reader = await request.get(`/api/articles/${id}?depth=0`, { headers: { Cookie: '' } })
  expect((await reader.json()).title).toBe(publishedTitle)
  const newest = await request.get(`/api/articles/${id}?draft=true&depth=0`, { headers: author })
  expect(await newest.json()).toMatchObject({ title: firstTitle, _status: 'draft' })

  expect((await request.delete(`/api/articles/${id}`, { headers: admin })).status()).toBe(200)
})
