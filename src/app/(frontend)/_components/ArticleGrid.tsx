import type { ArticleList } from '@/site/content'
import { ArticleCard } from './ArticleCard'
import { Pagination } from './Pagination'

/** A page of article cards with links to newer and older pages. */
export function ArticleGrid({
  list,
  pagePath,
}: {
  list: ArticleList
  pagePath: (page: number) => string
}) {
  if (list.docs.length === 0) return <p className="empty">Noch keine Artikel veröffentlicht.</p>
  return (
    <>
      <div className="card-grid">
        {list.docs.map((article, index) => (
          <ArticleCard key={article.id} article={article} eager={index < 3} />
        ))}
      </div>
      <Pagination page={list.page} totalPages={list.totalPages} pagePath={pagePath} />
    </>
  )
}
