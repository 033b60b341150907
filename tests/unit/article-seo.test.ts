import { afterEach, describe, expect, it, vi } from 'vitest'

import {
  articleMetaDescription,
  articleMetaTitle,
  articleUrl,
  META_DESCRIPTION_TARGET,
} from '@/lib/articleSeo'
import { paragraphsToLexical } from '@/lib/lexical'
import { articleMetadata } from '@/site/seo'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('generated meta title', () => {
  it('is the title with the site name, as the site titles its pages', () => {
    expect(articleMetaTitle({ title: '  Der Hafen   wird ausgebaut ' })).toBe(
      'Der Hafen wird ausgebaut – Newsroom',
    )
  })

  it('is the site name for an article without a title', () => {
    expect(articleMetaTitle({ title: '' })).toBe('Newsroom')
    expect(articleMetaTitle(undefined)).toBe('Newsroom')
  })
})

describe('generated meta description', () => {
  it('is the excerpt', () => {
    expect(
      articleMetaDescription({ excerpt: 'Kurz gesagt.', content: paragraphsToLexical(['X']) }),
    ).toBe('Kurz gesagt.')
  })

  it('is the first paragraph when there is no excerpt', () => {
    const content = paragraphsToLexical(['', 'Der erste Absatz.', 'Der zweite.'])
    expect(articleMetaDescription({ excerpt: '  ', content })).toBe('Der erste Absatz.')
  })

  it('is cut at a word to about 150 characters', () => {
    const excerpt = 'Wort '.repeat(60)
    const description = articleMetaDescription({ excerpt })
    expect(description.length).toBeLessThanOrEqual(META_DESCRIPTION_TARGET)
    expect(description).toMatch(/^(Wort )+Wort…$/)
  })

  it('is empty for an empty article', () => {
    expect(articleMetaDescription({})).toBe('')
  })
})

describe('generated URL', () => {
  it('is the public address of the article', () => {
    vi.stubEnv('SITE_URL', 'https://news.example.org/')
    expect(articleUrl({ slug: 'der-hafen' })).toBe('https://news.example.org/artikel/der-hafen')
    expect(articleUrl({ slug: '' })).toBe('https://news.example.org/')
  })
})

const image = (name: string, og = true) => ({
  id: name,
  alt: `Bild ${name}`,
  url: `/media/${name}.jpg`,
  width: 800,
  height: 600,
  sizes: { og: og ? { url: `/media/${name}-og.jpg`, width: 1200, height: 630 } : null },
})

const detail = (extra: Record<string, unknown> = {}) =>
  ({
    id: 'a1',
    slug: 'hafen',
    title: 'Der Hafen wird ausgebaut',
    excerpt: 'Der Anriss.',
    publishedAt: '2026-12-03T18:40:00.000Z',
    updatedAt: '2026-12-04T08:00:00.000Z',
    heroImage: image('hero'),
    meta: null,
    ...extra,
  }) as unknown as Parameters<typeof articleMetadata>[0]

describe("the article page's head", () => {
  it('prefers the meta title (as it is), description and sharing image', () => {
    const metadata = articleMetadata(
      detail({
        meta: {
          title: 'Hafen: Was sich ändert',
          description: 'Die Beschreibung.',
          image: image('share'),
        },
      }),
    )
    expect(metadata.title).toEqual({ absolute: 'Hafen: Was sich ändert' })
    expect(metadata.description).toBe('Die Beschreibung.')
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      title: 'Hafen: Was sich ändert',
      description: 'Die Beschreibung.',
      url: '/artikel/hafen',
      images: [{ url: '/media/share-og.jpg', width: 1200, height: 630, alt: 'Bild share' }],
    })
  })

  it('falls back to title, excerpt and the hero crop when the meta fields are empty', () => {
    for (const meta of [null, { title: '  ', description: '', image: null }]) {
      const metadata = articleMetadata(detail({ meta }))
      expect(metadata.title).toBe('Der Hafen wird ausgebaut')
      expect(metadata.description).toBe('Der Anriss.')
      expect(metadata.openGraph).toMatchObject({
        title: 'Der Hafen wird ausgebaut',
        images: [{ url: '/media/hero-og.jpg', width: 1200, height: 630, alt: 'Bild hero' }],
      })
    }
  })

  it('uses a sharing image too small for the crop as it is; a hero image only by its crop', () => {
    const share = articleMetadata(detail({ meta: { image: image('klein', false) } }))
    expect(share.openGraph?.images).toEqual([
      { url: '/media/klein.jpg', width: 800, height: 600, alt: 'Bild klein' },
    ])
    const hero = articleMetadata(detail({ heroImage: image('hero', false) }))
    expect(hero.openGraph?.images).toEqual([
      { url: '/og-default.png', width: 1200, height: 630, alt: 'Newsroom' },
    ])
  })

  it('keeps a preview out of search engines', () => {
    expect(articleMetadata(detail(), { noIndex: true }).robots).toEqual({
      index: false,
      follow: false,
    })
  })
})
