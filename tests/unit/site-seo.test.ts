import { describe, expect, it, vi } from 'vitest'

import { DEFAULT_OG_IMAGE, bylineText, newsArticleJsonLd, pageMetadata } from '@/site/seo'

vi.stubEnv('SITE_URL', 'https://news.example.org')

const article = (extra: Record<string, unknown> = {}) =>
  ({
    id: 'a1',
    slug: 'hafen',
    title: 'Der Hafen wird ausgebaut',
    excerpt: 'Kurz.',
    publishedAt: '2026-12-03T18:40:00.000Z',
    byline: ['Anna Autorin', 'Emil Editor'],
    heroImage: null,
    sources: [],
    ...extra,
  }) as unknown as Parameters<typeof newsArticleJsonLd>[0]

describe('byline', () => {
  it.each([
    [[], ''],
    [null, ''],
    [['Anna Autorin'], 'Anna Autorin'],
    [['Anna Autorin', 'Emil Editor'], 'Anna Autorin und Emil Editor'],
    [['A', ' B ', '', 'C'], 'A, B und C'],
  ])('%j → %j', (names, text) => {
    expect(bylineText(names)).toBe(text)
  })
})

describe('NewsArticle JSON-LD', () => {
  it('names the authors as people', () => {
    expect(newsArticleJsonLd(article()).author).toEqual([
      { '@type': 'Person', name: 'Anna Autorin' },
      { '@type': 'Person', name: 'Emil Editor' },
    ])
  })

  it('names the site when the article has no authors', () => {
    expect(newsArticleJsonLd(article({ byline: [] })).author).toEqual({
      '@type': 'Organization',
      name: 'Newsroom',
      url: 'https://news.example.org/',
    })
  })

  it('uses the site-wide picture when the article has none', () => {
    expect(newsArticleJsonLd(article()).image).toEqual(['https://news.example.org/og-default.png'])
  })
})

describe('Open Graph picture', () => {
  it('falls back to the site-wide picture', () => {
    const metadata = pageMetadata({ title: 'Ohne Bild', path: '/artikel/ohne-bild' })
    expect(metadata.openGraph?.images).toEqual([DEFAULT_OG_IMAGE])
    expect(DEFAULT_OG_IMAGE).toMatchObject({ url: '/og-default.png', width: 1200, height: 630 })
  })

  it("keeps a page's own picture", () => {
    const own = [{ url: '/media/hafen-og.jpg', width: 1200, height: 630 }]
    const metadata = pageMetadata({
      title: 'Mit Bild',
      path: '/artikel/mit-bild',
      openGraph: { images: own },
    })
    expect(metadata.openGraph?.images).toEqual(own)
  })

  it('is a 1200×630 PNG in public/', async () => {
    const sharp = (await import('sharp')).default
    const { width, height, format } = await sharp('public/og-default.png').metadata()
    expect({ width, height, format }).toEqual({ width: 1200, height: 630, format: 'png' })
  })
})
