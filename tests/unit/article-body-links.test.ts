import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { ArticleBody } from '@/app/(frontend)/_components/ArticleBody'

const paragraphWith = (...children: unknown[]) => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [{ type: 'paragraph', version: 1, children }],
  },
})
const text = (value: string) => ({
  type: 'text',
  text: value,
  version: 1,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
})
const linkNode = (type: 'link' | 'autolink', url: string, newTab = false) => ({
  type,
  version: 3,
  fields: { url, newTab, linkType: 'custom' },
  children: [text('Klick')],
})

const render = (content: unknown) => renderToStaticMarkup(createElement(ArticleBody, { content }))

describe('links in the article body', () => {
  const UNSAFE = [
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'vbscript:msgbox',
    '/\\evil.example',
  ]

  for (const type of ['link', 'autolink'] as const) {
    it.each(UNSAFE)(`a ${type} to %s renders as plain text`, (url) => {
      const html = render(paragraphWith(linkNode(type, url)))
      expect(html).toContain('Klick')
      expect(html).not.toContain('<a')
    })

    it(`a ${type} to https stays a link`, () => {
      const html = render(paragraphWith(linkNode(type, 'https://example.org/a?b=1', true)))
      expect(html).toContain('href="https://example.org/a?b=1"')
      expect(html).toContain('rel="noopener noreferrer"')
    })
  }
})
