import { articlePath } from '@/site/paths'

import { derivedSecret } from './secret'

/** The page the admin's preview and live preview show for an article. */
export const previewPath = (doc: { slug?: string | null } | null | undefined): string =>
  doc?.slug ? articlePath(doc.slug) : '/'

/** Never the Payload secret itself: this one travels in admin links. */
export const previewSecret = (): string => process.env.PREVIEW_SECRET || derivedSecret('preview')

/**
 * The admin's preview link: Next.js draft mode is switched on by `/next/preview`, which checks
 * both this secret and the editor's login before showing drafts.
 */
export function previewUrl(path: string): string {
  const base = process.env.NEXT_PUBLIC_SERVER_URL || ''
  const params = new URLSearchParams({ path, secret: previewSecret() })
  return `${base}/next/preview?${params.toString()}`
}
