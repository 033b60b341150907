/** Shown on every page while an editor has draft mode on; the exit link works without JavaScript. */
export function PreviewBanner() {
  return (
    <div className="preview-banner" role="status">
      <div className="wrap preview-banner__inner">
        <strong>Vorschau – Entwurf</strong>
        <span>Sie sehen auch unveröffentlichte Inhalte.</span>
        <a href="/next/exit-preview">Vorschau beenden</a>
      </div>
    </div>
  )
}
