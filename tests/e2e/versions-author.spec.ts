import { expect, test, type Browser, type Page } from '@playwright/test'

import { paragraphsToLexical } from '../../src/lib/lexical'
import { apiToken, AUTHOR, EDITOR, ensureUser, login } from './helpers'

/**
 * The versions list of an article names who made each version (column "Von"): the author edits
 * a draft in the admin, the editor edits and publishes it; the "Versionen" tab shows both.
 */
const run = Date.now().toString(36)
const title = `Wer hat was geändert ${run}`

async function signedIn(browser: Browser, user: { email: string; password: string }) {
  const context = await browser.newContext({ locale: 'de-DE' })
  const page = await context.newPage()
  await login(page, user)
  return page
}

/** Autosave stores drafts as the user types; wait until the server has the title. */
async function expectStoredTitle(page: Page, id: string, expected: string, timeout = 20_000) {
  await expect
    .poll(
      () =>
        page.evaluate(async (articleId) => {
          const response = await fetch(`/api/articles/${articleId}?draft=true&depth=0`)
          return (await response.json()).title
        }, id),
      { timeout },
    )
    .toBe(expected)
}

test('the versions list names the author and the editor in the column "Von"', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000)
  await ensureUser(request, EDITOR)
  await ensureUser(request, AUTHOR)
  const created = await request.post('/api/articles?draft=true', {
    headers: { Authorization: `JWT ${await apiToken(request, AUTHOR)}` },
    data: { title, content: paragraphsToLexical([`${title}: der erste Text.`]) },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { id } = (await created.json()).doc as { id: string }

  // The author revises the draft in the admin (autosave).
  const author = await signedIn(browser, AUTHOR)
  await author.goto(`/admin/collections/articles/${id}`)
  await author.locator('#field-title').fill(`${title} (Entwurf)`)
  await expectStoredTitle(author, id, `${title} (Entwurf)`)
  await author.context().close()

  // The editor revises and publishes it.
  const editor = await signedIn(browser, EDITOR)
  await editor.goto(`/admin/collections/articles/${id}`)
  await expect(editor.locator('#field-title')).toHaveValue(`${title} (Entwurf)`)
  // The author's lock outlives her tab (document locking): take it over once the dialog shows.
  await editor.getByTestId('article-status').waitFor({ state: 'visible' })
  const locked = editor.locator('.document-locked')
  const shown = await locked.waitFor({ state: 'visible', timeout: 5_000 }).then(
    () => true,
    () => false,
  )
  if (shown) {
    await locked.getByRole('button', { name: 'Übernehmen' }).click()
    await expect(locked).toBeHidden()
  }
  // Taking over reloads the form; a value typed while it does is lost: type until it is stored.
  const field = editor.locator('#field-title')
  const finalTitle = `${title} (veröffentlicht)`
  await expect(async () => {
    if ((await field.inputValue()) !== finalTitle) await field.fill(finalTitle)
    await expectStoredTitle(editor, id, finalTitle, 5_000)
  }).toPass({ timeout: 45_000 })
  await editor
    .getByRole('button', { name: /veröffentlichen/i })
    .first()
    .click()
  await expect(editor.getByTestId('article-status')).toHaveText('Online')

  await editor.getByRole('link', { name: /^Versionen/ }).click()
  await expect(editor).toHaveURL(new RegExp(`/articles/${id}/versions`))
  const table = editor.locator('.versions table')
  const headers = table.locator('thead th')
  await expect(headers.filter({ hasText: /^Von$/ })).toHaveCount(1)
  const column = (await headers.allInnerTexts()).findIndex((text) => text.trim() === 'Von')
  const byColumn = table.locator(`tbody tr td:nth-child(${column + 1})`)
  // Newest first: the editor's publish, the editor's autosave (Payload keeps one autosave version
  // per run of autosaves and updates it in place, so it names who saved it last), the author's
  // first draft.
  await expect(byColumn.first()).toHaveText(EDITOR.name)
  await expect(byColumn.filter({ hasText: AUTHOR.name }).first()).toBeVisible()
  const published = table.locator('tbody tr').filter({ hasText: 'Derzeit veröffentlicht' })
  await expect(published).toHaveCount(1)
  await expect(published.locator(`td:nth-child(${column + 1})`)).toHaveText(EDITOR.name)
  // The first version, the author's API save, also names her.
  await expect(byColumn.last()).toHaveText(AUTHOR.name)
  await editor.screenshot({ path: 'test-results/e2e/versions-list.png', fullPage: true })

  // The comparison drawer of a version lists the versions the same way; a date picks one.
  const firstDraftId = (
    await table.locator('tbody tr').last().locator('td').nth(2).innerText()
  ).trim()
  await table.locator('tbody tr').first().getByRole('link').click()
  await expect(editor).toHaveURL(new RegExp(`/articles/${id}/versions/[0-9a-f-]+`))
  await editor.locator('.compare-version .rs__control').click()
  await editor.getByText('Mehr Versionen...').click()
  const drawer = editor
    .locator('.drawer__content, [role="dialog"]')
    .filter({ has: editor.locator('table') })
  await expect(drawer.locator('thead th').filter({ hasText: /^Von$/ })).toHaveCount(1)
  await expect(drawer.locator('tbody tr').last()).toContainText(AUTHOR.name)
  await drawer.locator('tbody tr').last().getByRole('button').click()
  await expect(editor).toHaveURL(new RegExp(`versionFrom=${firstDraftId}`))
})
