'use client'

/** Shown when a page cannot be built, e.g. the API did not answer. */
export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string }
  reset: () => void
}) {
  return (
    <div className="wrap narrow message-page">
      <h1>Etwas ist schiefgegangen</h1>
      <p>
        Die Seite konnte gerade nicht geladen werden. Bitte versuchen Sie es in einem Moment noch
        einmal.
      </p>
      <p>
        <button type="button" className="button" onClick={() => reset()}>
          Erneut versuchen
        </button>{' '}
        <a href="/">Zur Startseite</a>
      </p>
    </div>
  )
}
