import { expect, test, type Browser, type Page } from '@playwright/test'

import { apiToken, AUTHOR, EDITOR, ensureUser, login } from './helpers'

/**
 * The newsroom's review cycle in the real admin, by the workflow actions above the document
 * (#16): an author writes and submits, an editor asks for changes with a required note, the
 * author revises and resubmits, the editor approves and publishes, a reader then finds the
 * article on the site, and the list says what is live and what is pending. The author never
 * gets a working Publish button; publishing past requested changes needs a confirmation.
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

/** Clicks a workflow action above the document and waits for its confirmation toast. */
async function act(page: Page, label: string, toast: RegExp) {
  await page
    .getByRole('group', { name: 'Redaktionsablauf' })
    .getByRole('button', { name: label })
    .click()
  await expect(page.locator('[data-sonner-toast]').getByText(toast)).toBeVisible()
}

const statusLine = (page: Page) => page.getByTestId('article-status')

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
  // The lock dialog opens right after the document has rendered: wait for that first.
  await page.getByTestId('article-status').waitFor({ state: 'visible' })
  const locked = page.locator('.document-locked')
  const shown = await locked.waitFor({ state: 'visible', timeout: 5_000 }).then(
    () => true,
    () => false,
  )
  if (shown) await locked.getByRole('button', { name: 'Übernehmen' }).click()
}

async function openArticle(page: Page) {
  await page.goto('/admin/collections/articles')
  await page.getByRole('link', { name: title }).click()
  await expect(page.locator('#field-title')).toHaveValue(title)
  await takeOverIfLocked(page)
}

test('author → editor → author → editor → reader, by the workflow actions', async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(240_000)
  await ensureUser(request, EDITOR)
  await ensureUser(request, AUTHOR)

  // The author writes and submits with one click; there is no bare status dropdown.
  const author = await signedIn(browser, AUTHOR)
  await author.goto('/admin/collections/articles/create')
  await author.locator('#field-title').fill(title)
  await author.locator('.rich-text-lexical [contenteditable="true"]').first().click()
  await author.keyboard.type('Die Wahlbeteiligung lag nach ersten Zahlen bei 71 Prozent.')
  await expectStored(author, { title })
  await expect(author.locator('#field-workflowStatus')).toHaveCount(0)
  await expect(statusLine(author)).toHaveText('Offline · Entwurf')
  await expectNoPublishButton(author)
  await expect(author.getByRole('button', { name: 'Freigeben' })).toHaveCount(0)
  await act(author, 'Zur Prüfung einreichen', /Zur Prüfung eingereicht/)
  await expect(statusLine(author)).toHaveText('Offline · In Prüfung')
  await expectStored(author, { workflowStatus: 'in_review', _status: 'draft' })
  await expect(author.getByRole('button', { name: 'Zur Prüfung einreichen' })).toHaveCount(0)
  await author.screenshot({ path: testInfo.outputPath('author-submitted.png'), fullPage: true })

  // The editor finds it in the review queue and requests changes: the note is required.
  const editor = await signedIn(browser, EDITOR)
  await expect(editor.getByRole('heading', { name: /Prüfungswarteschlange/ })).toBeVisible()
  await expect(editor.getByRole('link', { name: title })).toBeVisible()
  await editor.getByRole('link', { name: title }).click()
  await takeOverIfLocked(editor)
  await expect(statusLine(editor)).toHaveText('Offline · In Prüfung')
  const actions = editor.getByRole('group', { name: 'Redaktionsablauf' })
  await expect(actions.getByRole('button')).toHaveText([
    'Änderungen anfordern',
    'Freigeben',
    'Zurück in den Entwurf',
  ])
  await actions.getByRole('button', { name: 'Änderungen anfordern' }).click()
  const dialog = editor.getByRole('dialog', { name: 'Änderungen anfordern' })
  await expect(dialog.getByRole('button', { name: 'Änderungen anfordern' })).toBeDisabled()
  await dialog.getByLabel(/Was soll geändert werden/).fill('Bitte die Quelle der Zahlen nennen.')
  await editor.screenshot({ path: 'test-results/e2e/workflow-request-changes.png', fullPage: true })
  await dialog.getByRole('button', { name: 'Änderungen anfordern' }).click()
  await expect(editor.getByText(/Änderungen angefordert/)).toBeVisible()
  await expect(statusLine(editor)).toHaveText('Offline · Änderungen erbeten')
  await expectStored(editor, {
    workflowStatus: 'changes_requested',
    editorialNotes: [
      expect.objectContaining({ text: 'Zur Prüfung eingereicht.' }),
      expect.objectContaining({ text: 'Bitte die Quelle der Zahlen nennen.' }),
    ],
  })

  // The author revises and resubmits.
  await openArticle(author)
  await expect(statusLine(author)).toHaveText('Offline · Änderungen erbeten')
  await expect(author.locator('#field-editorialNotes__1__text')).toHaveValue(
    'Bitte die Quelle der Zahlen nennen.',
  )
  await author.locator('.rich-text-lexical [contenteditable="true"]').first().click()
  await author.keyboard.press('End')
  await author.keyboard.type(' Das meldet die Landeswahlleiterin.')
  await act(author, 'Zur Prüfung einreichen', /Zur Prüfung eingereicht/)
  await expectStored(author, { workflowStatus: 'in_review' })
  await expectNoPublishButton(author)

  // The editor approves and publishes.
  await openArticle(editor)
  await expect(statusLine(editor)).toHaveText('Offline · In Prüfung')
  await act(editor, 'Freigeben', /Freigegeben\. Der Text kann jetzt veröffentlicht werden/)
  await expect(statusLine(editor)).toHaveText('Offline · Freigegeben')
  await expectStored(editor, { workflowStatus: 'approved' })
  await editor
    .getByRole('button', { name: /veröffentlichen/i })
    .first()
    .click()
  await expect(statusLine(editor)).toHaveText('Online')
  await editor.screenshot({ path: 'test-results/e2e/workflow-published.png', fullPage: true })

  // A reader sees it on the site.
  const slug = await editor.locator('#field-slug').inputValue()
  const reader = await browser.newPage()
  await reader.goto(`/artikel/${slug}`)
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(
    reader.getByText('Das meldet die Landeswahlleiterin.', { exact: false }),
  ).toBeVisible()
  await expect(reader.getByText('Bitte die Quelle der Zahlen nennen.')).toHaveCount(0)

  // The author submits a correction of the live text: the list says both things at once.
  await openArticle(author)
  await expect(statusLine(author)).toHaveText('Online')
  await author.locator('.rich-text-lexical [contenteditable="true"]').first().click()
  await author.keyboard.press('End')
  await author.keyboard.type(' Korrektur folgt.')
  await act(author, 'Zur Prüfung einreichen', /Zur Prüfung eingereicht/)
  await expect(statusLine(author)).toHaveText('Online · Änderungen in Prüfung')
  await editor.goto('/admin/collections/articles')
  const row = editor.locator('tr', { has: editor.getByRole('link', { name: title }) })
  await expect(row.locator('.newsroom-reader-status')).toHaveText('Online · Änderungen in Prüfung')
  await editor.screenshot({ path: 'test-results/e2e/workflow-list-status.png', fullPage: true })
  await expect(reader.getByText('Korrektur folgt.')).toHaveCount(0)
})

test('publishing past requested changes needs the editor’s explicit confirmation', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000)
  await ensureUser(request, EDITOR)
  await ensureUser(request, AUTHOR)
  const headline = `Haushaltsstreit ${Date.now().toString(36)}`
  const authorAuth = { Authorization: `JWT ${await apiToken(request, AUTHOR)}` }
  const editorAuth = { Authorization: `JWT ${await apiToken(request, EDITOR)}` }
  const created = await request.post('/api/articles', {
    headers: authorAuth,
    data: {
      title: headline,
      workflowStatus: 'in_review',
      content: {
        root: {
          type: 'root',
          format: '',
          indent: 0,
          version: 1,
          direction: 'ltr',
          children: [
            {
              type: 'paragraph',
              format: '',
              indent: 0,
              version: 1,
              direction: 'ltr',
              children: [{ type: 'text', text: 'Der Rat streitet.', version: 1 }],
            },
          ],
        },
      },
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const id = (await created.json()).doc.id
  const changes = await request.patch(`/api/articles/${id}?draft=true`, {
    headers: editorAuth,
    data: { workflowStatus: 'changes_requested', workflowNote: 'Zahlen fehlen.' },
  })
  expect(changes.status(), await changes.text()).toBe(200)

  const editor = await signedIn(browser, EDITOR)
  await editor.goto(`/admin/collections/articles/${id}`)
  await takeOverIfLocked(editor)
  await expect(statusLine(editor)).toHaveText('Offline · Änderungen erbeten')
  const publish = editor.getByRole('button', { name: /veröffentlichen/i }).first()
  await publish.click()
  await expect(editor.getByText(/Für diesen Artikel wurden Änderungen erbeten/)).toBeVisible()
  await expect(statusLine(editor)).toHaveText('Offline · Änderungen erbeten')
  await editor.getByLabel('Trotz erbetener Änderungen veröffentlichen').check()
  await editor.screenshot({ path: 'test-results/e2e/workflow-publish-despite.png', fullPage: true })
  await publish.click()
  await expect(statusLine(editor)).toHaveText('Online')
  const stored = await request.get(`/api/articles/${id}?draft=true&depth=0`, {
    headers: editorAuth,
  })
  expect((await stored.json()).editorialNotes.at(-1)).toMatchObject({
    kind: 'approval',
    text: 'Trotz erbetener Änderungen veröffentlicht (ausdrücklich bestätigt).',
  })
})
