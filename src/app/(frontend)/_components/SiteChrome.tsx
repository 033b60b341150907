import { FEED_PATH, SITE_NAME } from '@/site/config'

export function SkipLink() {
  return (
    <a className="skip-link" href="#inhalt">
      Zum Inhalt springen
    </a>
  )
}

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="wrap site-header__inner">
        <a className="site-title" href="/">
          {SITE_NAME}
        </a>
        <nav aria-label="Hauptnavigation" className="site-nav">
          <a href="/">Neueste Artikel</a>
          <a href={FEED_PATH}>RSS-Feed</a>
        </nav>
      </div>
    </header>
  )
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="wrap">
        <p>
          {SITE_NAME} – unabhängige Nachrichten.{' '}
          <a href={FEED_PATH}>Artikel als RSS-Feed abonnieren</a>
        </p>
      </div>
    </footer>
  )
}
