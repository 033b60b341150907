import type {
  SerializedEditorState,
  SerializedLexicalNode,
} from '@payloadcms/richtext-lexical/lexical'
import { type JSXConvertersFunction, RichText } from '@payloadcms/richtext-lexical/react'

import { articlePath, sourcePath } from '@/site/paths'
import { linkHref, type LinkFields } from '@/lib/lexical'
import { responsiveImage } from '@/site/images'

/** An internal link resolves only to a document readers can see (populated at depth 1). */
function internalHref(doc: LinkFields['doc']): string | undefined {
  const value = doc?.value
  if (!value || typeof value !== 'object' || !('slug' in value) || typeof value.slug !== 'string')
    return undefined
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
  sizes?: Record<
    string,
    { url?: string | null; width?: number | null; height?: number | null } | null
  >
}

type NodesToJSX = (args: { nodes: SerializedLexicalNode[] }) => React.ReactNode[]

function renderLink(node: unknown, nodesToJSX: NodesToJSX) {
  const linkNode = node as { type?: string; fields?: LinkFields; children: SerializedLexicalNode[] }
  const children = nodesToJSX({ nodes: linkNode.children })
  const href = linkHref(linkNode, internalHref)
  if (!href) return <span>{children}</span>
  return linkNode.fields?.newTab ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <a href={href}>{children}</a>
  )
}

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  link: ({ node, nodesToJSX }) => renderLink(node, nodesToJSX),
  // Typed URLs the editor turned into links: the same allow-list as every other link.
  autolink: ({ node, nodesToJSX }) => renderLink(node, nodesToJSX),
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
  return (
    <RichText
      className="article-body"
      data={content as SerializedEditorState}
      converters={converters}
    />
  )
}
