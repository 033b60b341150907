import type { ServerProps } from 'payload'

import { isStaffUser } from '@/access/roles'
import { pendingCommentsByArticle, pendingCommentsListHref } from '@/comments/pendingByArticle'

const formatDate = (value: string) =>
  new Intl.DateTimeFormat('de-DE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(value))

/**
 * The dashboard's moderation queue for editors and admins: how many reader comments wait, and
 * on which articles (newest first), each linking to the comment list filtered to that
 * article's pending comments. Read with the signed-in user's rights.
 */
export async function PendingCommentsDashboard({ payload, user }: ServerProps) {
  if (!user || !isStaffUser(user as { role?: string })) return null
  const { total, articles } = await pendingCommentsByArticle(payload, user, { limit: 5 })
  const adminRoute = payload.config.routes.admin
  return (
    <section className="newsroom-queue" aria-labelledby="newsroom-pending-comments-heading">
      <h2 id="newsroom-pending-comments-heading">
        Kommentare in Moderation: <span className="newsroom-queue__total">{total}</span>
      </h2>
      {articles.length === 0 ? (
        <p>Keine Kommentare warten auf Freigabe.</p>
      ) : (
        <table className="newsroom-queue__table">
          <thead>
            <tr>
              <th scope="col">Artikel</th>
              <th scope="col">Wartende Kommentare</th>
              <th scope="col">Neuester</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id}>
                <td>
                  <a href={pendingCommentsListHref(adminRoute, article.id)}>
                    {article.title || 'Ohne Titel'}
                  </a>
                </td>
                <td>{article.count}</td>
                <td>{formatDate(article.newest)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={pendingCommentsListHref(adminRoute)}>Alle wartenden Kommentare anzeigen</a>
      </p>
    </section>
  )
}
