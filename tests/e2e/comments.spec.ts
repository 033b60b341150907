import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type Locator,
  type Page,
} from '@playwright/test'

import { minimumHumanMs } from '../../src/comments/policy'
import { ADMIN, EDITOR, apiToken, ensureUser, login } from './helpers'

/**
 * Reader comments end to end: the form on the article page (with and without JavaScript), the
 * editor's approval in the admin, the approved comment shown as inert text, replies threaded.
 *
 * The tests post four comments as readers from this machine (the default rate limit is 5 a
 * minute, 30 an hour per address; form errors are refused before they count), so the real
 * limits stay on. Each run writes to articles of its own and removes them afterwards.
 */
const run = Date.now().toString(36)
const PRIVACY = 'Ihre E-Mail-Adresse wird nicht angezeigt. Pflichtfelder sind mit * markiert.'
const PENDING = /Ihr Kommentar wartet auf Freigabe durch die Redaktion/
const TOKEN = /^[0-9a-z]{1,12}\.[0-9a-f]{32}$/

const lexical = (text: string) => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [
          { type: 'text', version: 1, text, detail: 0, format: 0, mode: 'normal', style: '' },
        ],
      },
    ],
  },
})

type TestArticle = { id: string; slug: string; path: string }
const created: TestArticle[] = []

/** A published article of this run (REST, as the admin). */
async function publishArticle(
  request: APIRequestContext,
  title: string,
  data: Record<string, unknown> = {},
): Promise<TestArticle> {
  const token = await apiToken(request, ADMIN)
  const headers = { Authorization: `JWT ${token}` }
  const draft = await request.post('/api/articles?draft=true', {
    headers,
    data: {
      title,
      dateline: 'BERLIN',
      content: lexical(`${title}: ein Artikel für die Leserdebatte.`),
      ...data,
    },
  })
  expect(draft.status(), await draft.text()).toBe(201)
  const { doc } = await draft.json()
  const published = await request.patch(`/api/articles/${doc.id}`, {
    headers,
    data: { _status: 'published' },
  })
  expect(published.status(), await published.text()).toBe(200)
  const article = { id: doc.id as string, slug: doc.slug as string, path: `/artikel/${doc.slug}` }
  created.push(article)
  return article
}

/** A comment as the server stored it (REST, as the admin: editors see status and signals). */
async function storedComment(request: APIRequestContext, authorName: string) {
  const token = await apiToken(request, ADMIN)
  const response = await request.get(
    `/api/comments?where[authorName][equals]=${encodeURIComponent(authorName)}&depth=0`,
    {
      headers: { Authorization: `JWT ${token}` },
    },
  )
  const { docs } = await response.json()
  expect(docs, `one comment by ${authorName}`).toHaveLength(1)
  return docs[0] as {
    id: string
    status: string
    signals: string | null
    level: number
    parent: string | null
  }
}

test.afterAll(async ({ request }) => {
  const token = await apiToken(request, ADMIN)
  const headers = { Authorization: `JWT ${token}` }
  for (const article of created) {
    // The admin's edit view locks a document for a few minutes after the editor leaves.
    const comments = await request.delete(
      `/api/comments?where[article][equals]=${article.id}&overrideLock=true&depth=0`,
      { headers },
    )
    expect((await comments.json()).errors ?? [], 'comments removed').toEqual([])
    expect(
      (await request.delete(`/api/articles/${article.id}`, { headers })).status(),
      'article removed',
    ).toBe(200)
  }
})

const commentForm = (page: Page, name = 'Ihr Kommentar') => page.getByRole('region', { name })

async function fill(form: Locator, values: { name: string; email: string; body: string }) {
  await form.getByLabel(/^Name/).fill(values.name)
  await form.getByLabel(/^E-Mail/).fill(values.email)
  await form.getByLabel(/^Kommentar/).fill(values.body)
}

/** A person needs a moment to read and type; the server files faster posts as spam. */
async function likeAHuman(page: Page, body: string) {
  await page.waitForTimeout(minimumHumanMs(body.length) + 500)
}

/** The editor opens the comment in the admin, sets „Freigegeben“ and saves. */
async function approveInAdmin(browser: Browser, authorName: string, body: string) {
  const context = await browser.newContext({ locale: 'de-DE' })
  const editor = await context.newPage()
  const dialogs: string[] = []
  editor.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  try {
    await login(editor, EDITOR)
    await editor.goto('/admin/collections/comments')
    await editor.getByRole('link', { name: authorName, exact: true }).click()
    await expect(editor.locator('#field-body')).toHaveValue(body)
    await editor.locator('#field-status .rs__control').click()
    await editor.getByRole('option', { name: 'Freigegeben', exact: true }).click()
    await editor.getByRole('button', { name: 'Speichern' }).click()
    await expect
      .poll(() =>
        editor.evaluate(async (name) => {
          const response = await fetch(
            `/api/comments?where[authorName][equals]=${encodeURIComponent(name)}&depth=0`,
          )
          return (await response.json()).docs?.[0]?.status
        }, authorName),
      )
      .toBe('approved')
    expect(dialogs, 'no script ran in the admin').toEqual([])
  } finally {
    await context.close()
  }
}

test('a reader comments, an editor approves, the comment shows as plain text, a reply is threaded', async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(240_000)
  await ensureUser(request, EDITOR)
  const article = await publishArticle(request, `Leserdebatte ${run}`)
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })

  // The reader writes a comment with markup in it.
  const reader = { name: `Lea Leserin ${run}`, email: `lea-${run}@example.com` }
  const body =
    'Guter Artikel! <script>alert(1)</script>\nZweite Zeile: <img src=x onerror=alert(2)>'
  await page.goto(article.path)
  const form = commentForm(page)
  await expect(form.getByText(PRIVACY, { exact: true })).toBeVisible()
  await expect(form.locator('input[name="website"]')).toHaveAttribute('tabindex', '-1')
  // The cached page carries no token; the browser fetches a fresh one when the form appears.
  await expect(form.locator('input[name="formToken"]')).toHaveValue(TOKEN)
  await fill(form, { ...reader, body })
  await likeAHuman(page, body)
  await form.getByRole('button', { name: 'Kommentar senden' }).click()
  await expect(form.getByRole('status')).toContainText(PENDING)
  await expect(form.getByRole('status')).toBeFocused()
  await expect(form.getByLabel(/^Name/)).toHaveValue('')
  await expect(form.getByLabel(/^Kommentar/)).toHaveValue('')
  const stored = await storedComment(request, reader.name)
  expect(stored).toMatchObject({ status: 'pending', signals: null, level: 1 })
  await expect(page.locator(`#kommentar-${stored.id}`)).toHaveCount(0)

  // An editor approves it in the admin.
  await approveInAdmin(browser, reader.name, body)

  // The reader reloads: name, date and text, as text; nothing ran; no email anywhere.
  await page.reload()
  const comment = page.locator(`#kommentar-${stored.id}`)
  await expect(comment.locator('.comment__author')).toHaveText(reader.name)
  await expect(comment.locator('time')).toHaveText(/^\d{1,2}\. \S+ \d{4}, \d{2}:\d{2} Uhr$/)
  await expect(comment.getByText('<script>alert(1)</script>', { exact: false })).toBeVisible()
  expect(await comment.locator('.comment__body').innerText()).toBe(body)
  await expect(page.locator('.comments script, .comments img')).toHaveCount(0)
  expect(await page.content()).not.toContain(reader.email)
  expect(dialogs, 'no script ran on the site').toEqual([])

  // A second reader answers through the comment's reply link.
  const replier = { name: `Ralf Replik ${run}`, email: `ralf-${run}@example.com` }
  const replyBody = 'Da stimme ich zu, aber mit Einschränkungen.'
  await comment.getByRole('link', { name: /^Antworten/ }).click()
  await expect(page).toHaveURL(new RegExp(`/antworten/${stored.id}#kommentar-formular$`))
  const replyForm = commentForm(page, `Antwort auf den Kommentar von ${reader.name}`)
  await expect(replyForm.locator('input[name="formToken"]')).toHaveValue(TOKEN)
  await fill(replyForm, { ...replier, body: replyBody })
  await likeAHuman(page, replyBody)
  await replyForm.getByRole('button', { name: 'Antwort senden' }).click()
  await expect(replyForm.getByRole('status')).toContainText(PENDING)
  const reply = await storedComment(request, replier.name)
  expect(reply).toMatchObject({ status: 'pending', signals: null, level: 2, parent: stored.id })

  await approveInAdmin(browser, replier.name, replyBody)

  // A newsroom answer on the deepest level: shown, but nobody may answer it.
  const token = await apiToken(request, ADMIN)
  const staff = await request.post('/api/comments', {
    headers: { Authorization: `JWT ${token}` },
    data: {
      article: article.id,
      parent: reply.id,
      authorName: 'Redaktion',
      authorEmail: ADMIN.email,
      body: 'Danke für die Diskussion.',
    },
  })
  expect(staff.status(), await staff.text()).toBe(201)
  const deepest = (await staff.json()).doc

  await page.goto(article.path)
  const threaded = page.locator(
    `#kommentar-${stored.id} > .comment-replies > #kommentar-${reply.id}`,
  )
  await expect(threaded.locator(':scope > article .comment__body')).toHaveText(replyBody)
  await expect(
    threaded.locator(':scope > article').getByRole('link', { name: /^Antworten/ }),
  ).toBeVisible()
  const third = page.locator(`#kommentar-${reply.id} > .comment-replies > #kommentar-${deepest.id}`)
  await expect(third).toContainText('Danke für die Diskussion.')
  await expect(third.locator('.badge')).toHaveText('Redaktion')
  await expect(third.getByRole('link', { name: /^Antworten/ })).toHaveCount(0)
  expect(await page.content()).not.toContain(replier.email)
  expect(dialogs).toEqual([])
})

test('form errors appear next to the fields, the input kept', async ({ page, request }) => {
  const article = await publishArticle(request, `Fehlerhafte Eingaben ${run}`)
  await page.goto(article.path)
  const form = commentForm(page)
  await fill(form, { name: 'Lea', email: 'lea@localhost', body: 'x' })
  await form.getByRole('button', { name: 'Kommentar senden' }).click()
  await expect(form.getByRole('status')).toHaveText(
    'Der Kommentar wurde nicht gesendet. Bitte die markierten Angaben prüfen.',
  )
  await expectFieldError(form, /^E-Mail/, 'Bitte eine gültige E-Mail-Adresse angeben.')
  await expectFieldError(form, /^Kommentar/, 'Der Kommentar muss mindestens 2 Zeichen lang sein.')
  await expect(form.getByLabel(/^Name/)).not.toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByLabel(/^Name/)).toHaveValue('Lea')
  await expect(form.getByLabel(/^E-Mail/)).toHaveValue('lea@localhost')
  await expect(form.getByLabel(/^Kommentar/)).toHaveValue('x')
})

async function expectFieldError(form: Locator, label: RegExp, message: string) {
  const field = form.getByLabel(label)
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  const describedBy = (await field.getAttribute('aria-describedby')) ?? ''
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-fehler'))
  expect(errorId, `${label} is described by its error`).toBeTruthy()
  await expect(form.locator(`[id="${errorId}"]`)).toHaveText(message)
}

test('an article closed for comments has no form, only a note', async ({ page, request }) => {
  const article = await publishArticle(request, `Ohne Kommentare ${run}`, {
    commentsEnabled: false,
  })
  await page.goto(article.path)
  const comments = page.getByRole('region', { name: 'Kommentare' })
  await expect(
    comments.getByText('Die Kommentare zu diesem Artikel sind geschlossen.'),
  ).toBeVisible()
  await expect(comments.locator('form')).toHaveCount(0)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a reader corrects an error, posts a comment that awaits moderation, and answers one', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000)
    const article = await publishArticle(request, `Ohne JavaScript ${run}`)
    await page.goto(article.path)
    let form = commentForm(page)
    await expect(form.getByText(PRIVACY, { exact: true })).toBeVisible()
    // No script, no fresh token: the cached page cannot carry one (see CommentForm).
    await expect(form.locator('input[name="formToken"]')).toHaveValue('')

    const name = `Nora Noscript ${run}`
    const body = 'Ein Kommentar ohne JavaScript.\nMit zwei Zeilen.'
    await fill(form, { name, email: 'nora@localhost', body })
    await form.getByRole('button', { name: 'Kommentar senden' }).click()
    await expect(page).toHaveURL(new RegExp(`${article.path}#kommentar-formular$`))
    form = commentForm(page)
    await expect(form.getByRole('status')).toHaveText(
      'Der Kommentar wurde nicht gesendet. Bitte die markierten Angaben prüfen.',
    )
    await expectFieldError(form, /^E-Mail/, 'Bitte eine gültige E-Mail-Adresse angeben.')
    await expect(form.getByLabel(/^Name/)).toHaveValue(name)
    await expect(form.getByLabel(/^Kommentar/)).toHaveValue(body)

    await form.getByLabel(/^E-Mail/).fill(`nora-${run}@example.com`)
    await form.getByRole('button', { name: 'Kommentar senden' }).click()
    form = commentForm(page)
    await expect(form.getByRole('status')).toContainText(PENDING)
    await expect(form.getByLabel(/^Name/)).toHaveValue('')
    await expect(form.getByLabel(/^E-Mail/)).toHaveValue('')
    await expect(form.getByLabel(/^Kommentar/)).toHaveValue('')
    // The next comment from this page starts a fresh clock.
    await expect(form.locator('input[name="formToken"]')).toHaveValue(TOKEN)
    const stored = await storedComment(request, name)
    expect(stored).toMatchObject({ status: 'pending', level: 1 })

    // Approved (here through the API), it can be answered through its reply link — still without script.
    const token = await apiToken(request, ADMIN)
    const approved = await request.patch(`/api/comments/${stored.id}`, {
      headers: { Authorization: `JWT ${token}` },
      data: { status: 'approved' },
    })
    expect(approved.status(), await approved.text()).toBe(200)
    await page.goto(article.path)
    await page
      .locator(`#kommentar-${stored.id}`)
      .getByRole('link', { name: /^Antworten/ })
      .click()
    await expect(page).toHaveURL(new RegExp(`/antworten/${stored.id}#kommentar-formular$`))
    const replyForm = commentForm(page, `Antwort auf den Kommentar von ${name}`)
    await expect(replyForm.locator('input[name="formToken"]')).toHaveValue(TOKEN)
    const replier = `Otto Offline ${run}`
    const replyBody = 'Auch ohne Skript geantwortet.'
    await fill(replyForm, { name: replier, email: `otto-${run}@example.com`, body: replyBody })
    await likeAHuman(page, replyBody)
    await replyForm.getByRole('button', { name: 'Antwort senden' }).click()
    await expect(page).toHaveURL(new RegExp(`/antworten/${stored.id}#kommentar-formular$`))
    await expect(
      commentForm(page, `Antwort auf den Kommentar von ${name}`).getByRole('status'),
    ).toContainText(PENDING)
    expect(await storedComment(request, replier)).toMatchObject({
      status: 'pending',
      signals: null,
      level: 2,
      parent: stored.id,
    })
  })
})
