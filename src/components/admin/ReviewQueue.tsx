import type { ServerProps, Where } from 'payload'

import { isStaffUser } from '@/access/roles'
import { WORKFLOW_LABELS, type WorkflowState } from '@/workflow/transitions'

type QueueArticle = {
  id: string
  title?: string | null
  workflowStatus?: string | null
  submittedAt?: string | null
  updatedAt?: string | null
  submittedBy?: { name?: string | null } | string | null
}

const formatDate = (value?: string | null) =>
  value
    ? new Intl.DateTimeFormat('de-DE', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Europe/Berlin',
      }).format(new Date(value))
    : '–'

const nameOf = (user: QueueArticle['submittedBy']) =>
  (user && typeof user === 'object' ? user.name : undefined) ?? '–'

function ArticleTable({
  articles,
  showSubmitter,
}: {
  articles: QueueArticle[]
  showSubmitter: boolean
}) {
  return (
    <table className="newsroom-queue__table">
      <thead>
        <tr>
          <th scope="col">Titel</th>
          <th scope="col">Status</th>
          {showSubmitter && <th scope="col">Eingereicht von</th>}
          <th scope="col">{showSubmitter ? 'Eingereicht am' : 'Zuletzt geändert'}</th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => (
          <tr key={article.id}>
            <td>
              <a href={`/admin/collections/articles/${article.id}`}>
                {article.title || 'Ohne Titel'}
              </a>
            </td>
            <td>{WORKFLOW_LABELS[(article.workflowStatus as WorkflowState) ?? 'draft']?.de}</td>
            {showSubmitter && <td>{nameOf(article.submittedBy)}</td>}
            <td>{formatDate(showSubmitter ? article.submittedAt : article.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * The dashboard's work lists: editors see what waits for review, authors their own drafts
 * and the ones sent back to them.
 */
export async function ReviewQueue({ payload, user }: ServerProps) {
  if (!user) return null
  const staff = isStaffUser(user as { role?: string })
  const where: Where = staff
    ? { workflowStatus: { equals: 'in_review' } }
    : {
        and: [
          { authors: { in: [user.id] } },
          { workflowStatus: { in: ['draft', 'changes_requested', 'in_review'] } },
        ],
      }
  const { docs, totalDocs } = await payload.find({
    collection: 'articles',
    draft: true,
    where,
    sort: staff ? 'submittedAt' : '-updatedAt',
    limit: 20,
    depth: 1,
    overrideAccess: false,
    user,
    select: {
      title: true,
      workflowStatus: true,
      submittedAt: true,
      submittedBy: true,
      updatedAt: true,
    },
    populate: { users: { name: true } },
  })
  const heading = staff ? 'Prüfungswarteschlange' : 'Meine Entwürfe'
  const listUrl = staff
    ? '/admin/collections/articles?where[workflowStatus][equals]=in_review'
    : `/admin/collections/articles?where[authors][in]=${user.id}`
  return (
    <section className="newsroom-queue" aria-labelledby="newsroom-queue-heading">
      <h2 id="newsroom-queue-heading">
        {heading} <span className="newsroom-queue__count">({totalDocs})</span>
      </h2>
      {docs.length === 0 ? (
        <p>{staff ? 'Keine Artikel warten auf Prüfung.' : 'Keine offenen Entwürfe.'}</p>
      ) : (
        <ArticleTable articles={docs as QueueArticle[]} showSubmitter={staff} />
      )}
      <p>
        <a href={listUrl}>Alle anzeigen</a>
      </p>
    </section>
  )
}
