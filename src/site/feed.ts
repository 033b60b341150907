/** RSS 2.0 for the newest articles (pure: data in, XML out). */
import { articlePath } from './paths'

export type FeedItem = {
  slug?: string | null
  title?: string | null
  excerpt?: string | null
  dateline?: string | null
  publishedAt?: string | null
}

export type FeedChannel = { title: string; description: string; siteUrl: string; feedUrl: string }

export const escapeXml = (text: string): string =>
  text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')

const rfc822 = (value: string | null | undefined): string | undefined => {
  const date = value ? new Date(value) : undefined
  return date && !Number.isNaN(date.getTime()) ? date.toUTCString() : undefined
}

export function renderRss(channel: FeedChannel, items: FeedItem[]): string {
  const base = channel.siteUrl.replace(/\/+$/, '')
  const published = items.filter((item): item is FeedItem & { slug: string } => Boolean(item.slug))
  const lastBuild = rfc822(published[0]?.publishedAt)
  const entries = published.map((item) => {
    const link = `${base}${articlePath(item.slug)}`
    const description = [item.dateline, item.excerpt].filter(Boolean).join(' – ')
    const pubDate = rfc822(item.publishedAt)
    return [
      '    <item>',
      `      <title>${escapeXml(item.title ?? '')}</title>`,
      `      <link>${escapeXml(link)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(link)}</guid>`,
      pubDate ? `      <pubDate>${pubDate}</pubDate>` : undefined,
      description ? `      <description>${escapeXml(description)}</description>` : undefined,
      '    </item>',
    ]
      .filter(Boolean)
      .join('\n')
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(channel.title)}</title>`,
    `    <link>${escapeXml(`${base}/`)}</link>`,
    `    <description>${escapeXml(channel.description)}</description>`,
    '    <language>de-DE</language>',
    `    <atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    lastBuild ? `    <lastBuildDate>${lastBuild}</lastBuildDate>` : undefined,
    ...entries,
    '  </channel>',
    '</rss>',
    '',
  ]
    .filter((line) => line !== undefined)
    .join('\n')
}
