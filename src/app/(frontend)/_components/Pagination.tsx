export function Pagination({
  page,
  totalPages,
  pagePath,
}: {
  page: number
  totalPages: number
  pagePath: (page: number) => string
}) {
  if (totalPages <= 1) return null
  return (
    <nav className="pagination" aria-label="Seiten">
      {page > 1 ? (
        <a href={pagePath(page - 1)} rel="prev">
          ← Neuere Artikel
        </a>
      ) : (
        <span />
      )}
      <span className="pagination__status">
        Seite {page} von {totalPages}
      </span>
      {page < totalPages ? (
        <a href={pagePath(page + 1)} rel="next">
          Ältere Artikel →
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}
