import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import './styles.css'

export const metadata: Metadata = {
  title: { default: 'Newsroom', template: '%s – Newsroom' },
  description: 'Nachrichten aus Politik, Wirtschaft und Gesellschaft.',
}

export default function FrontendLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="de">
      <body>
        <a className="skip-link" href="#inhalt">
          Zum Inhalt springen
        </a>
        <header className="site-header">
          <a className="site-title" href="/">
            Newsroom
          </a>
        </header>
        <main id="inhalt">{children}</main>
        <footer className="site-footer">
          <p>Newsroom – unabhängige Nachrichten.</p>
        </footer>
      </body>
    </html>
  )
}
