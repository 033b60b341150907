import { notFound } from 'next/navigation'
import { Suspense } from 'react'

/** The German 404 text, shared by not-found.tsx, the global 404 page and `NotFoundResponse`. */
export function NotFoundContent() {
  return (
    <div className="wrap narrow message-page">
      <h1>Seite nicht gefunden</h1>
      <p>
        Diese Seite gibt es nicht oder nicht mehr. Vielleicht wurde der Artikel verschoben oder ist
        noch nicht veröffentlicht.
      </p>
      <p>
        <a href="/">Zur Startseite mit den neuesten Artikeln</a>
      </p>
    </div>
  )
}

function NotFoundStatus(): never {
  notFound()
}

/**
 * A 404 for pages whose content does not exist (unknown or unpublished slug). Next.js 16.4 sends
 * an empty `<body>` when a page itself throws `notFound()` (the not-found page appears only after
 * hydration; vercel/next.js#98295), which leaves readers without JavaScript on a blank page. So
 * the page renders the 404 text itself and throws `notFound()` only inside a Suspense boundary:
 * the HTML keeps the text, the response (and its cache entry) gets status 404, and in the browser
 * the not-found boundary shows the same text.
 */
export function NotFoundResponse() {
  return (
    <>
      <NotFoundContent />
      <Suspense fallback={null}>
        <NotFoundStatus />
      </Suspense>
    </>
  )
}
