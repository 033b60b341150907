import { createHmac } from 'node:crypto'

import { expect, test, type APIRequestContext, type Page, type TestInfo } from '@playwright/test'

import { ADMIN, ADMIN_STATE, apiToken } from './helpers'

/**
 * The public site on the production build, seeded from src/seed/content: what readers see,
 * what they must never see, and that pages come from the cache until a publish expires them.
 */
const EU = {
  title:
    'EU und Japan vertiefen Kooperation: Neues Sicherheitsabkommen für gemeinsame Verteidigung und Informationsaustausch',
  // The original photo is not available: its placeholder is the newsroom's, credited as such
  // (#16); the scraped photographer's credit stays with the article, for editors only.
  credit: 'Redaktion (CC0)',
  originalPhotographer: 'Elionas2',
}
const CANADA = {
  title:
    'Kanada und Japan beginnen formelle Gespräche über einen Pakt zum Austausch von Geheimdienstinformationen und verstärkte militärische Beziehungen',
  dateline: 'OTTAWA',
  attribution: 'Mit Dateien von The Associated Press',
}

/** Scraped page furniture that must never reach an article. */
const ARTEFACTS = [
  'Inhalt des Artikels',
  'Source link',
  'Dark Mode',
  'Light Mode',
  'Previous Post',
  'Next Post',
  'Kommentar hinzufügen',
  'Schreibe einen Kommentar',
  'Deine E-Mail-Adresse wird nicht veröffentlicht',
  'Erforderliche Felder sind mit',
  'in diesem Browser speichern',
  'Rückruf von 0,5 Liter',
  'Bestattungsbranche',
]

/** The secrets the server derives from PAYLOAD_SECRET (src/lib/secret.ts, scripts/e2e-server.mjs). */
const derivedSecret = (purpose: string) =>
  createHmac('sha256', process.env.PAYLOAD_SECRET || 'e2e-secret-not-for-production')
    .update(`newsroom:${purpose}`)
    .digest('hex')
    .slice(0, 40)
const previewSecret = () => process.env.PREVIEW_SECRET || derivedSecret('preview')
const revalidateSecret = () => process.env.REVALIDATE_SECRET || derivedSecret('revalidate')

const lexical = (...paragraphs: string[]) => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: paragraphs.map((text) => ({
      type: 'paragraph',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children: [
        { type: 'text', version: 1, text, detail: 0, format: 0, mode: 'normal', style: '' },
      ],
    })),
  },
})

/** A draft article created through the REST API as the admin. */
async function createDraft(request: APIRequestContext, title: string) {
  const token = await apiToken(request, ADMIN)
  const response = await request.post('/api/articles?draft=true', {
    headers: { Authorization: `JWT ${token}` },
    data: { title, dateline: 'BERLIN', content: lexical(`${title}: nur ein Entwurf.`) },
  })
  expect(response.status(), await response.text()).toBe(201)
  const { doc } = await response.json()
  return { id: doc.id as string, slug: doc.slug as string, token }
}

/** Article links of the home page, in the order shown (newest first). */
async function homeArticleLinks(page: Page): Promise<{ title: string; href: string }[]> {
  await page.goto('/')
  const links = page.locator('.card__title a')
  const count = await links.count()
  const result: { title: string; href: string }[] = []
  for (let i = 0; i < count; i++) {
    result.push({
      title: (await links.nth(i).innerText()).trim(),
      href: (await links.nth(i).getAttribute('href'))!,
    })
  }
  return result
}

async function hrefOf(page: Page, title: string): Promise<string> {
  const link = (await homeArticleLinks(page)).find((entry) => entry.title === title)
  expect(link, `home page links "${title}"`).toBeTruthy()
  return link!.href
}

async function saveScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

test.describe('reading', () => {
  test('the home page lists both seed articles, in German, with the feed advertised', async ({
    page,
  }) => {
    const response = await page.goto('/')
    expect(response?.status()).toBe(200)
    await expect(page.locator('html')).toHaveAttribute('lang', 'de')
    await expect(page).toHaveTitle('Newsroom')
    await expect(page.getByRole('heading', { level: 1, name: 'Neueste Artikel' })).toBeVisible()
    for (const title of [EU.title, CANADA.title])
      await expect(page.getByRole('link', { name: title })).toBeVisible()
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      'href',
      /\/feed\.xml$/,
    )
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      /^https?:\/\/[^/]+\/?$/,
    )
    // Card picture with its alt text; dateline and German date.
    const euCard = page.locator('.card', { has: page.getByRole('link', { name: EU.title }) })
    await expect(euCard.locator('img')).toHaveAttribute('alt', /^Platzhalterbild der Redaktion/)
    await expect(euCard.locator('img')).toHaveAttribute('srcset', /\d+w/)
    const canadaCard = page.locator('.card', {
      has: page.getByRole('link', { name: CANADA.title }),
    })
    await expect(canadaCard.locator('.dateline')).toHaveText(CANADA.dateline)
    await expect(canadaCard.locator('time')).toHaveText(
      /^\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}$/,
    )
  })

  test('the article with a picture: title, credit line, licence link, no artefacts', async ({
    page,
  }) => {
    await page.goto(await hrefOf(page, EU.title))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(EU.title)
    await expect(page).toHaveTitle(`${EU.title} – Newsroom`)
    const figure = page.locator('figure.hero')
    await expect(figure.locator('.credit')).toHaveText(EU.credit)
    await expect(page.locator('body')).not.toContainText(EU.originalPhotographer)
    await expect(figure.getByRole('link', { name: 'CC0' })).toHaveAttribute(
      'href',
      'https://creativecommons.org/publicdomain/zero/1.0/',
    )
    await expect(figure.locator('img')).toHaveAttribute('alt', /^Platzhalterbild der Redaktion/)
    await expect(figure.locator('img')).toHaveAttribute('sizes', /46rem/)
    await expect(page.locator('.article-body p').first()).toContainText(
      'Die Europäische Union und Japan',
    )
    await expect(page.locator('.sources')).toHaveCount(0)
    await expectNoArtefacts(page)
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
      'content',
      /\/api\/images\/file\/.+/,
    )
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200')
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    )
    expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: EU.title, inLanguage: 'de' })
    expect(jsonLd.image[0]).toMatch(/^http/)
  })

  test('the agency article: dateline, attribution from its source, no artefacts', async ({
    page,
  }) => {
    await page.goto(await hrefOf(page, CANADA.title))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(CANADA.title)
    await expect(page.locator('.article__header .dateline')).toHaveText(CANADA.dateline)
    await expect(page.locator('.article__header time')).toHaveText(
      /^\d{1,2}\. \S+ \d{4}, \d{2}:\d{2} Uhr$/,
    )
    await expect(page.locator('.sources')).toHaveText(CANADA.attribution)
    await expect(page.locator('figure.hero')).toHaveCount(0)
    await expectNoArtefacts(page)
    await page.locator('.sources').getByRole('link', { name: 'The Associated Press' }).click()
    await expect(page).toHaveURL(/\/quelle\/the-associated-press$/)
    await expect(page.getByRole('link', { name: CANADA.title })).toBeVisible()
    await expect(page.getByRole('link', { name: EU.title })).toHaveCount(0)
  })

  test('previous and next lead through the articles in publication order', async ({ page }) => {
    const links = await homeArticleLinks(page)
    const seeds = links.filter((link) => link.title === EU.title || link.title === CANADA.title)
    expect(seeds).toHaveLength(2)
    const [newer, older] = seeds
    const olderIndex = links.indexOf(older)
    const newerIndex = links.indexOf(newer)

    await page.goto(newer.href)
    await page.getByRole('link', { name: /Älterer Artikel/ }).click()
    await expect(page).toHaveURL(new RegExp(`${links[newerIndex + 1].href}$`))
    await page.goto(older.href)
    await page.getByRole('link', { name: /Neuerer Artikel/ }).click()
    await expect(page).toHaveURL(new RegExp(`${links[olderIndex - 1].href}$`))
    // The oldest article has no older neighbour.
    await page.goto(links[links.length - 1].href)
    await expect(page.getByRole('link', { name: /Älterer Artikel/ })).toHaveCount(0)
  })

  test('comments: the heading, no comments yet, and no email sentence', async ({ page }) => {
    await page.goto(await hrefOf(page, CANADA.title))
    const comments = page.getByRole('region', { name: 'Kommentare' })
    await expect(comments.getByRole('heading', { name: 'Kommentare' })).toBeVisible()
    await expect(comments).toContainText('Noch keine Kommentare.')
    await expect(page.locator('body')).not.toContainText(
      'Deine E-Mail-Adresse wird nicht veröffentlicht',
    )
  })

  test('readers without JavaScript read articles and get a real 404 page', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    try {
      await page.goto('/')
      await page.getByRole('link', { name: CANADA.title }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(CANADA.title)
      await expect(page.locator('.article-body p')).toHaveCount(16)
      const missing = await page.goto('/artikel/diesen-artikel-gibt-es-nicht')
      expect(missing?.status()).toBe(404)
      await expect(
        page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }),
      ).toBeVisible()
      const unknown = await page.goto('/gibt-es-auch-nicht')
      expect(unknown?.status()).toBe(404)
      await expect(
        page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }),
      ).toBeVisible()
    } finally {
      await context.close()
    }
  })

  test('the skip link appears on keyboard focus', async ({ page }) => {
    await page.goto('/')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Zum Inhalt springen' })
    await expect(skip).toBeFocused()
    await expect(skip).toBeInViewport()
  })
})

async function expectNoArtefacts(page: Page) {
  const text = await page.locator('article.article').innerText()
  for (const artefact of ARTEFACTS)
    expect(text, `article shows "${artefact}"`).not.toContain(artefact)
  expect(await page.locator('body').innerText()).not.toContain(
    'Deine E-Mail-Adresse wird nicht veröffentlicht',
  )
}

test.describe('feed, sitemap and robots', () => {
  test('list the published articles', async ({ request, page }) => {
    const links = await homeArticleLinks(page)
    const feed = await request.get('/feed.xml')
    expect(feed.headers()['content-type']).toContain('application/rss+xml')
    const xml = await feed.text()
    expect(xml).toContain('<rss version="2.0"')
    for (const title of [EU.title, CANADA.title]) expect(xml).toContain(`<title>${title}</title>`)
    const sitemap = await (await request.get('/sitemap.xml')).text()
    for (const { href } of links) expect(sitemap).toContain(`${href}</loc>`)
    expect(sitemap).toContain('/quelle/the-associated-press</loc>')
    const robots = await (await request.get('/robots.txt')).text()
    expect(robots).toMatch(/^Sitemap: http.+\/sitemap\.xml$/m)
    expect(robots).toContain('Disallow: /admin')
  })
})

test.describe('drafts, preview and the cache', () => {
  test('a draft is a 404 for readers and appears nowhere', async ({ page, request }) => {
    const title = `Entwurf für Leser unsichtbar ${Date.now().toString(36)}`
    const draft = await createDraft(request, title)
    const response = await page.goto(`/artikel/${draft.slug}`)
    expect(response?.status()).toBe(404)
    await expect(
      page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }),
    ).toBeVisible()
    await expect(page.locator('body')).not.toContainText(title)
    await page.goto('/')
    await expect(page.locator('body')).not.toContainText(title)
    for (const path of ['/feed.xml', '/sitemap.xml'])
      expect(await (await request.get(path)).text()).not.toContain(draft.slug)
  })

  test('pages come from the cache, and publishing shows the new content at once', async ({
    request,
    playwright,
    baseURL,
  }) => {
    const title = `Später veröffentlicht ${Date.now().toString(36)}`
    const draft = await createDraft(request, title)
    const first = await request.get(`/artikel/${draft.slug}`)
    expect(first.status()).toBe(404)
    const again = await request.get(`/artikel/${draft.slug}`)
    expect(again.status()).toBe(404)
    expect(again.headers()['x-nextjs-cache']).toBe('HIT')

    const published = await request.patch(`/api/articles/${draft.id}`, {
      headers: { Authorization: `JWT ${draft.token}` },
      data: { _status: 'published' },
    })
    expect(published.status(), await published.text()).toBe(200)
    const fresh = await request.get(`/artikel/${draft.slug}`)
    expect(fresh.status()).toBe(200)
    expect(await fresh.text()).toContain(title)
    // `request` holds the editor's cookie since createDraft logged in: a reader has none.
    const reader = await playwright.request.newContext({ baseURL })
    await reader.get(`/artikel/${draft.slug}`)
    const cached = await reader.get(`/artikel/${draft.slug}`)
    expect(cached.headers()['x-response-cache']).toBe('HIT')
    expect(await cached.text()).toContain(title)
    await reader.dispose()
    const home = await request.get('/')
    expect(await home.text()).toContain(title)

    // Tidy up: the next tests' "oldest/newest" assumptions stay those of the seed.
    const removed = await request.delete(`/api/articles/${draft.id}`, {
      headers: { Authorization: `JWT ${draft.token}` },
    })
    expect(removed.status()).toBe(200)
    expect((await request.get(`/artikel/${draft.slug}`)).status()).toBe(404)
  })

  test('anonymous GraphQL answers and pages are served from the response cache, never a signed-in view', async ({
    request,
  }) => {
    const query = { query: '{ Articles(limit: 2, sort: "-publishedAt") { docs { title } } }' }
    await request.post('/api/graphql', { data: query })
    const cached = await request.post('/api/graphql', { data: query })
    expect(cached.headers()['x-response-cache']).toBe('HIT')
    expect((await cached.json()).data.Articles.docs).toHaveLength(2)

    await request.get('/')
    const page = await request.get('/')
    expect(page.headers()['x-response-cache']).toBe('HIT')
    expect(page.headers()['content-type']).toContain('text/html')
    expect(await page.text()).toContain('<html lang="de"')

    const token = await apiToken(request, ADMIN)
    const signedIn = await request.post('/api/graphql', {
      data: query,
      headers: { Authorization: `JWT ${token}` },
    })
    expect(signedIn.headers()['x-response-cache']).toBeUndefined()
    // Logging in left the Payload cookie in this context: the pages are now the signed-in view.
    expect((await request.get('/')).headers()['x-response-cache']).toBeUndefined()
  })

  test('the revalidation route checks its secret and expires tags', async ({ request }) => {
    const post = (secret: string, data: unknown) =>
      request.post('/next/revalidate', { headers: { 'x-revalidate-secret': secret }, data })
    expect((await post('falsch', { tags: ['articles'] })).status()).toBe(401)
    expect((await post(revalidateSecret(), { tags: 'articles' })).status()).toBe(400)
    expect((await post(revalidateSecret(), { tags: [] })).status()).toBe(400)

    // Next.js's own page cache, behind the response cache (which `no-cache` bypasses).
    const nextCache = async () =>
      (await request.get('/', { headers: { 'cache-control': 'no-cache' } })).headers()[
        'x-nextjs-cache'
      ]
    await nextCache()
    expect(await nextCache()).toBe('HIT')
    const expired = await post(revalidateSecret(), { tags: ['articles'] })
    expect(expired.status()).toBe(200)
    expect(await expired.json()).toEqual({ revalidated: ['articles'] })
    expect(await nextCache()).toBe('MISS')
    expect(await nextCache()).toBe('HIT')
  })

  test.describe('as the logged-in admin', () => {
    test.use({ storageState: ADMIN_STATE })

    test('preview shows the draft with a banner, and ends on request', async ({
      page,
      request,
    }) => {
      const title = `Entwurf in der Vorschau ${Date.now().toString(36)}`
      const draft = await createDraft(request, title)
      const path = `/artikel/${draft.slug}`

      const wrongSecret = await page.request.get(
        `/next/preview?${new URLSearchParams({ path, secret: 'falsch' })}`,
      )
      expect(wrongSecret.status()).toBe(401)
      const offSite = await page.request.get(
        `/next/preview?${new URLSearchParams({ path: '//evil.example/', secret: previewSecret() })}`,
      )
      expect(offSite.status()).toBe(400)

      await page.goto(`/next/preview?${new URLSearchParams({ path, secret: previewSecret() })}`)
      await expect(page).toHaveURL(new RegExp(`${path}$`))
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
      await expect(page.getByRole('status')).toContainText('Vorschau – Entwurf')
      await expect(page.getByText('Entwurf – noch nicht veröffentlicht')).toBeVisible()
      await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute(
        'content',
        /noindex/,
      )

      await page.getByRole('link', { name: 'Vorschau beenden' }).click()
      await expect(page).toHaveURL(new RegExp(`${path}$`))
      await expect(
        page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }),
      ).toBeVisible()
      await expect(page.getByRole('status')).toHaveCount(0)
    })
  })

  test('preview needs a logged-in newsroom member', async ({ request }) => {
    const response = await request.get(
      `/next/preview?${new URLSearchParams({ path: '/', secret: previewSecret() })}`,
      {
        maxRedirects: 0,
      },
    )
    expect(response.status()).toBe(403)
  })
})

test.describe('screenshots', () => {
  for (const [name, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1366, height: 900 }],
  ] as const) {
    test.describe(name, () => {
      test.use({ viewport })

      test(`home and article at ${viewport.width}×${viewport.height}`, async ({
        page,
      }, testInfo) => {
        await page.goto('/')
        await expect(page.getByRole('link', { name: EU.title })).toBeVisible()
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0)
        await saveScreenshot(page, testInfo, `home-${name}`)
        await page.getByRole('link', { name: EU.title }).click()
        await expect(page.locator('figure.hero img')).toBeVisible()
        await page.locator('figure.hero img').evaluate((img: HTMLImageElement) => img.decode())
        await saveScreenshot(page, testInfo, `article-${name}`)
      })
    })
  }
})
