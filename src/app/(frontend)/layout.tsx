import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import { SITE_DESCRIPTION, SITE_LOCALE, SITE_NAME, siteUrl } from '@/site/config'
import { isPreview } from '@/site/preview'
import { feedAlternate } from '@/site/seo'
import { PreviewBanner } from './_components/PreviewBanner'
import { SiteFooter, SiteHeader, SkipLink } from './_components/SiteChrome'

import './styles.css'

/** A function, so the site's address is read when a page renders, not when the build runs. */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: SITE_NAME, template: `%s – ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
    alternates: { types: feedAlternate },
    openGraph: { siteName: SITE_NAME, locale: SITE_LOCALE, type: 'website' },
  }
}

export default async function FrontendLayout({ children }: { children: ReactNode }) {
  const preview = await isPreview()
  return (
    <html lang="de">
      <body>
        <SkipLink />
        {preview ? <PreviewBanner /> : null}
        <SiteHeader />
        <main id="inhalt" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
