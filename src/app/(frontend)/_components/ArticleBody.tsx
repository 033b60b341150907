import type { SerializedEditorState, SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'
import { type JSXConvertersFunction, RichText } from '@payloadcms/richtext-lexical/react'

import { articlePath, sourcePath } from '@/site/paths'
import { responsiveImage } from '@/site/images'

type LinkFields = {
  url?: string
  newTab?: boolean
  linkType?: 'custom' | 'internal'
  doc?: { relationTo?: string; value?: unknown } | null
}

/** Only links a reader can safely follow: web, mail, phone, and paths on this site. */
function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined
  const trimmed = url.trim()
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed
  if (trimmed.startsWith('#')) return trimmed
  try {
    const { protocol } = new URL(trimmed)
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(protocol) ? trimmed : undefined
  } catch {
    return undefined
  }
}

/** An internal link resolves only to a document readers can see (populated at depth 1). */
function internalHref(doc: LinkFields['doc']): string | undefined {
  const value = doc?.value
  if (!value || typeof value !== 'object' || !('slug' in value) || typeof value.slug !== 'string') return undefined
  if (doc?.relationTo === 'articles') return articlePath(value.slug)
  if (doc?.relationTo === 'sources') return sourcePath(value.slug)
  return undefined
}

type UploadValue = {
  alt?: string
  url?: string | null
  width?: number | null
  height?: number | null
  mimeType?: string | null
  sizes?: Record<string, { url?: string | null; width?: number | null; height?: number | null } | null>
}

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  link: ({ node, nodesToJSX }) => {
    const fields = (node as unknown as { fields?: LinkFields }).fields ?? {}
    const children = nodesToJSX({ nodes: (node as unknown as { children: SerializedLexicalNode[] }).children })
    const href = fields.linkType === 'internal' ? internalHref(fields.doc) : safeHref(fields.url)
    if (!href) return <span>{children}</span>
    return fields.newTab ? (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <a href={href}>{children}</a>
    )
  },
  upload: ({ node }) => {
    const value = (node as unknown as { value?: unknown; fields?: { alt?: string } }).value
    if (!value || typeof value !== 'object') return null
    const upload = value as UploadValue
    if (!upload.mimeType?.startsWith('image/')) return null
    const sizes = upload.sizes ?? {}
    const picture = responsiveImage(upload, [sizes.thumbnail, sizes.card, sizes.hero])
    if (!picture) return null
    return (
      <img
        src={picture.src}
        srcSet={picture.srcSet}
        sizes={picture.srcSet ? '(min-width: 48rem) 46rem, 100vw' : undefined}
        width={picture.width}
        height={picture.height}
        alt={(node as unknown as { fields?: { alt?: string } }).fields?.alt || upload.alt || ''}
        loading="lazy"
        decoding="async"
      />
    )
  },
})

/** The Lexical body, rendered on the server to plain semantic HTML. */
export function ArticleBody({ content }: { content: unknown }) {
  if (!content || typeof content !== 'object' || !('root' in content)) return null
  return <RichText className="article-body" data={content as SerializedEditorState} converters={converters} />
}
