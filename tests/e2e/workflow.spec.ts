import { expect, test, type Browser, type Page } from '@playwright/test'

import { AUTHOR, EDITOR, ensureUser, login } from './helpers'

/**
 * The newsroom's review cycle in the real admin: an author writes and submits, an editor asks
 * for changes with a note, the author revises and resubmits, the editor approves and publishes,
 * and a reader then finds the article on the site. The author never gets a working Publish button.
 */
const title = `Wahlbeteiligung steigt deutlich ${Date.now().toString(36)}`

async function signedIn(
  browser: Browser,
  user: { email: string; password: string },
): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE' })
  const page = await context.newPage()
  await login(page, user)
  return page
}

async function chooseWorkflowStatus(page: Page, label: string) {
  await page.locator('#field-workflowStatus .rs__control').click()
  await page.getByRole('option', { name: label, exact: true }).click()
}

/** Autosave stores drafts as the user types; wait until the server has the expected state. */
async function expectStored(page: Page, expected: Record<string, unknown>) {
  await expect
    .poll(
      () =>
        page.evaluate(async (articleTitle) => {
          const query = `where[title][equals]=${encodeURIComponent(articleTitle)}&draft=true&depth=0`
          const response = await fetch(`/api/articles?${query}`)
          return (await response.json()).docs?.[0] ?? {}
        }, title),
      { timeout: 20_000 },
    )
    .toMatchObject(expected)
}

async function expectNoPublishButton(page: Page) {
  const publish = page.getByRole('button', { name: /veröffentlichen/i })
  if ((await publish.count()) > 0) await expect(publish.first()).toBeDisabled()
}

/** The other one still has the article open (document locking): take it over. */
async function takeOverIfLocked(page: Page) {
  const locked = page.locator('.document-locked')
  const shown = await locked.waitFor({ state: 'visible', timeout: 3_000 }).then(
    () => true,
    () => false,
  )
  if (shown) await locked.getByRole('button', { name: 'Übernehmen' }).click()
}

async function openArticle(page: Page) {
  await page.goto('/admin/collections/articles')
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByLabel('Titel')).toHaveValue(title)
  await takeOverIfLocked(page)
}

test('author → editor → author → editor → reader', async ({ browser, request }, testInfo) => {
  test.setTimeout(240_000)
  await ensureUser(request, EDITOR)
  await ensureUser(request, AUTHOR)

  // The author writes and submits.
  const author = await signedIn(browser, AUTHOR)
  await author.goto('/admin/collections/articles/create')
  await author.getByLabel('Titel').fill(title)
  await author.locator('.rich-text-lexical [contenteditable="true"]').first().click()
  await author.keyboard.type('Die Wahlbeteiligung lag nach ersten Zahlen bei 71 Prozent.')
  await expectNoPublishButton(author)
  await chooseWorkflowStatus(author, 'In Prüfung')
  await expectStored(author, { workflowStatus: 'in_review', _status: 'draft' })
  await author.screenshot({ path: testInfo.outputPath('author-submitted.png'), fullPage: true })

  // The editor finds it in the review queue and requests changes with a note.
  const editor = await signedIn(browser, EDITOR)
  await expect(editor.getByRole('heading', { name: /Prüfungswarteschlange/ })).toBeVisible()
  await expect(editor.getByRole('link', { name: title })).toBeVisible()
  await editor.getByRole('link', { name: title }).click()
  await takeOverIfLocked(editor)
  await chooseWorkflowStatus(editor, 'Änderungen erbeten')
  await editor.getByRole('button', { name: 'Notiz hinzufügen' }).click()
  await editor.locator('#field-editorialNotes__0__text').fill('Bitte die Quelle der Zahlen nennen.')
  await expectStored(editor, {
    workflowStatus: 'changes_requested',
    editorialNotes: [expect.objectContaining({ text: 'Bitte die Quelle der Zahlen nennen.' })],
  })

  // The author revises and resubmits.
  await openArticle(author)
  await expect(author.locator('#field-workflowStatus')).toContainText('Änderungen erbeten')
  await expect(author.locator('#field-editorialNotes__0__text')).toHaveValue(
    'Bitte die Quelle der Zahlen nennen.',
  )
  await author.locator('.rich-text-lexical [contenteditable="true"]').first().click()
  await author.keyboard.press('End')
  await author.keyboard.type(' Das meldet die Landeswahlleiterin.')
  await chooseWorkflowStatus(author, 'In Prüfung')
  await expectStored(author, { workflowStatus: 'in_review' })
  await expectNoPublishButton(author)

  // The editor approves and publishes.
  await openArticle(editor)
  await expect(editor.locator('#field-workflowStatus')).toContainText('In Prüfung')
  await chooseWorkflowStatus(editor, 'Freigegeben')
  await expectStored(editor, { workflowStatus: 'approved' })
  await editor
    .getByRole('button', { name: /veröffentlichen/i })
    .first()
    .click()
  await expect(editor.getByText(/Status:\s*Veröffentlicht/)).toBeVisible()

  // A reader sees it on the site.
  const slug = await editor.locator('#field-slug').inputValue()
  const reader = await browser.newPage()
  await reader.goto(`/artikel/${slug}`)
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(
    reader.getByText('Das meldet die Landeswahlleiterin.', { exact: false }),
  ).toBeVisible()
  await expect(reader.getByText('Bitte die Quelle der Zahlen nennen.')).toHaveCount(0)
})
