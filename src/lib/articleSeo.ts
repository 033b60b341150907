/**
 * What the SEO plugin's "Automatisch generieren" buttons fill in for an article (meta title,
 * description, search-result URL). Pure functions of the article's form data.
 */
import { excerptFromContent, truncateAtWord } from './lexical'
import { absoluteUrl, SITE_NAME } from '@/site/config'
import { articlePath } from '@/site/paths'

/** Search engines show about this many characters of a description (the plugin's 100–150). */
export const META_DESCRIPTION_TARGET = 150

/** Upper bounds of what editors may store (well above what search engines show). */
export const META_TITLE_MAX_LENGTH = 200
export const META_DESCRIPTION_MAX_LENGTH = 400

type ArticleLike = {
  title?: unknown
  excerpt?: unknown
  content?: unknown
  slug?: unknown
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : ''

/** "Der Hafen wird ausgebaut – Newsroom": the title the site's pages get by default. */
export function articleMetaTitle(doc: ArticleLike | null | undefined): string {
  const title = text(doc?.title)
  return title ? `${title} – ${SITE_NAME}` : SITE_NAME
}

/** The excerpt, else the first paragraph, shortened at a word to about 150 characters. */
export function articleMetaDescription(doc: ArticleLike | null | undefined): string {
  const source = text(doc?.excerpt) || excerptFromContent(doc?.content) || ''
  return source ? truncateAtWord(source, META_DESCRIPTION_TARGET) : ''
}

/** The article's public address, e.g. https://news.example.org/artikel/hafen. */
export function articleUrl(doc: ArticleLike | null | undefined): string {
  const slug = text(doc?.slug)
  return absoluteUrl(slug ? articlePath(slug) : '/')
}
