import type { Metadata } from 'next'

import { NotFoundContent } from './(frontend)/_components/NotFound'
import { SiteFooter, SiteHeader, SkipLink } from './(frontend)/_components/SiteChrome'
import { SITE_NAME } from '@/site/config'

import './(frontend)/styles.css'

// The 404 page for addresses no route matches (`experimental.globalNotFound` in next.config.mjs):
// the app has two root layouts (site and admin), so there is no shared one to render it in.
export const metadata: Metadata = {
  title: `Seite nicht gefunden – ${SITE_NAME}`,
  robots: { index: false, follow: true },
}

export default function GlobalNotFound() {
  return (
    <html lang="de">
      <body>
        <SkipLink />
        <SiteHeader />
        <main id="inhalt" tabIndex={-1}>
          <NotFoundContent />
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
