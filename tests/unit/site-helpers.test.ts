import { describe, expect, it } from 'vitest'

import { threadComments } from '@/site/comments'
import { isSlug, parsePageNumber } from '@/site/config'
import { escapeXml, renderRss } from '@/site/feed'
import { formatDate, formatDateTime, joinGerman } from '@/site/format'
import { licenseFromGraphQL, responsiveImage } from '@/site/images'
import { articlePath, homePath, replyPath, sameSitePath, sourcePath } from '@/site/paths'
import { jsonLd } from '@/site/seo'

describe('dates', () => {
  it('are German and in Berlin time, whatever the server zone', () => {
    expect(formatDate('2024-03-31T22:30:00.000Z')).toBe('1. April 2024')
    expect(formatDateTime('2024-07-01T08:05:00.000Z')).toBe('1. Juli 2024, 10:05 Uhr')
    expect(formatDateTime('2024-01-15T23:59:00.000Z')).toBe('16. Januar 2024, 00:59 Uhr')
    expect(formatDate(null)).toBe('')
    expect(formatDate('kein Datum')).toBe('')
  })

  it('lists are joined the German way', () => {
    expect(joinGerman([])).toBe('')
    expect(joinGerman(['AP'])).toBe('AP')
    expect(joinGerman(['AP', 'dpa'])).toBe('AP und dpa')
    expect(joinGerman(['AP', 'dpa', 'Reuters'])).toBe('AP, dpa und Reuters')
  })
})

describe('URLs', () => {
  it('page numbers are plain positive integers', () => {
    expect(parsePageNumber('1')).toBe(1)
    expect(parsePageNumber('12')).toBe(12)
    for (const value of ['0', '01', '-1', '1.5', 'abc', '', undefined, '1e3', '9999999'])
      expect(parsePageNumber(value)).toBeUndefined()
  })

  it('the first page has no page number in its address', () => {
    expect(homePath(1)).toBe('/')
    expect(homePath(2)).toBe('/seite/2')
    expect(sourcePath('ap')).toBe('/quelle/ap')
    expect(sourcePath('ap', 3)).toBe('/quelle/ap/seite/3')
  })

  it('articles and the reply pages of their comments', () => {
    expect(articlePath('eu-und-japan')).toBe('/artikel/eu-und-japan')
    expect(articlePath('a b/c')).toBe('/artikel/a%20b%2Fc')
    expect(replyPath('eu-und-japan', 'abc123')).toBe('/artikel/eu-und-japan/antworten/abc123')
  })

  it('slugs look like slugify output', () => {
    expect(isSlug('kanada-und-japan-2')).toBe(true)
    for (const value of [
      '',
      'Gross',
      'a--b',
      '-a',
      'a-',
      'ä',
      'a/b',
      '../x',
      'x'.repeat(121),
      undefined,
    ])
      expect(isSlug(value)).toBe(false)
  })

  it('redirect targets stay on the site', () => {
    expect(sameSitePath('/artikel/x?y=1#z')).toBe('/artikel/x?y=1#z')
    for (const value of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'artikel/x',
      '',
      null,
    ]) {
      expect(sameSitePath(value)).toBeUndefined()
    }
  })
})

describe('images', () => {
  const image = { url: '/api/images/file/a.jpg', width: 3000, height: 2000 }
  const sizes = [
    { url: '/api/images/file/a-400.jpg', width: 400, height: 267 },
    { url: '/api/images/file/a-768.jpg', width: 768, height: 512 },
    { url: '/api/images/file/a-1600.jpg', width: 1600, height: 1067 },
  ]

  it('offers every size Payload made, largest as fallback', () => {
    expect(responsiveImage(image, sizes)).toEqual({
      src: '/api/images/file/a-1600.jpg',
      srcSet:
        '/api/images/file/a-400.jpg 400w, /api/images/file/a-768.jpg 768w, /api/images/file/a-1600.jpg 1600w',
      width: 1600,
      height: 1067,
    })
    expect(responsiveImage(image, sizes, 768)?.srcSet).toBe(
      '/api/images/file/a-400.jpg 400w, /api/images/file/a-768.jpg 768w',
    )
  })

  it('drops missing and duplicate sizes and falls back to the original', () => {
    const small = { url: '/api/images/file/s.jpg', width: 1200, height: 630 }
    const result = responsiveImage(small, [
      sizes[0],
      { url: null, width: null },
      { url: '/h.jpg', width: 1200, height: 630 },
      { url: '/h2.jpg', width: 1200, height: 630 },
    ])
    expect(result?.srcSet).toBe('/api/images/file/a-400.jpg 400w, /h.jpg 1200w')
    expect(responsiveImage(small, [])).toEqual({
      src: '/api/images/file/s.jpg',
      width: 1200,
      height: 630,
    })
    expect(responsiveImage({ url: null }, [])).toBeUndefined()
  })

  it('licences are found by their GraphQL enum name', () => {
    expect(licenseFromGraphQL('cc0')?.url).toBe(
      'https://creativecommons.org/publicdomain/zero/1.0/',
    )
    expect(licenseFromGraphQL('cc_by_sa_4_0')?.label).toBe('CC BY-SA 4.0')
    expect(licenseFromGraphQL('public_domain')?.label).toBe('Public Domain')
    expect(licenseFromGraphQL('nope')).toBeUndefined()
  })
})

describe('comment threads', () => {
  it('hang replies under their parents and keep the order', () => {
    const threads = threadComments([
      { id: 'a', authorName: 'Lea', body: '1' },
      { id: 'b', authorName: 'Max', body: '2', parent: { id: 'a' } },
      { id: 'c', authorName: 'Ina', body: '3' },
      { id: 'd', authorName: 'Tom', body: '4', parent: { id: 'b' } },
      { id: 'e', authorName: 'Ole', body: '5', parent: { id: 'hidden' } },
    ])
    expect(threads.map((thread) => thread.id)).toEqual(['a', 'c', 'e'])
    expect(threads[0].replies.map((reply) => reply.id)).toEqual(['b'])
    expect(threads[0].replies[0].replies.map((reply) => reply.id)).toEqual(['d'])
  })

  it('survive a corrupt cycle without losing comments', () => {
    const threads = threadComments([
      { id: 'a', authorName: 'A', body: '1', parent: { id: 'b' } },
      { id: 'b', authorName: 'B', body: '2', parent: { id: 'a' } },
    ])
    const count = (nodes: typeof threads): number =>
      nodes.reduce((sum, node) => sum + 1 + count(node.replies), 0)
    expect(count(threads)).toBe(2)
  })
})

describe('feed', () => {
  it('is RSS 2.0 with escaped text and absolute links', () => {
    const xml = renderRss(
      {
        title: 'Newsroom',
        description: 'Nachrichten & mehr',
        siteUrl: 'https://news.example/',
        feedUrl: 'https://news.example/feed.xml',
      },
      [
        {
          slug: 'a-b',
          title: 'Zölle <jetzt> & "später"',
          excerpt: 'Text',
          dateline: 'OTTAWA',
          publishedAt: '2024-05-01T10:00:00.000Z',
        },
        { slug: null, title: 'ohne Slug' },
      ],
    )
    expect(xml).toContain('<rss version="2.0"')
    expect(xml).toContain('<title>Zölle &lt;jetzt&gt; &amp; &quot;später&quot;</title>')
    expect(xml).toContain('<link>https://news.example/artikel/a-b</link>')
    expect(xml).toContain('<pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate>')
    expect(xml).toContain('<description>OTTAWA – Text</description>')
    expect(xml).toContain('<description>Nachrichten &amp; mehr</description>')
    expect(xml).not.toContain('ohne Slug')
    expect(escapeXml('a\u0001b')).toBe('ab')
  })
})

it('JSON-LD cannot close its script tag', () => {
  expect(jsonLd({ headline: '</script><script>alert(1)</script>' })).not.toContain('</script>')
})
