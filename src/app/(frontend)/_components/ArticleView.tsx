import { articlePath, sourcePath } from '@/site/paths'
import { getAdjacentArticles, getComments, type ArticleDetail } from '@/site/content'
import { bylineText, jsonLd, newsArticleJsonLd } from '@/site/seo'
import { ArticleBody } from './ArticleBody'
import { ArticleMeta } from './ArticleMeta'
import type { ReplyTarget } from './CommentForm'
import { CommentSection } from './CommentSection'
import { HeroFigure } from './HeroFigure'
import { LivePreviewRefresh } from './LivePreviewRefresh'

type Props = {
  article: ArticleDetail & { slug: string }
  /** An editor's draft preview (no comment form there). */
  preview?: boolean
  /** The page this is rendered on: the article, or the reply page of one of its comments. */
  pagePath: string
  replyTo?: ReplyTarget | null
  /** Only on pages rendered per request: a form token made with this render. */
  formToken?: string | null
}

/** An article with its neighbours and comments: the article page and the reply page. */
export async function ArticleView({
  article,
  preview = false,
  pagePath,
  replyTo = null,
  formToken = null,
}: Props) {
  const [adjacent, comments] = await Promise.all([
    getAdjacentArticles(article.id, article.slug, article.publishedAt),
    getComments(article.id),
  ])
  const sources = article.sources ?? []
  const open = article.commentsOpen === true && !preview

  return (
    <div className="wrap narrow">
      {preview ? <LivePreviewRefresh /> : null}
      <article
        className="article"
        lang={article.language && article.language !== 'de' ? article.language : undefined}
      >
        <header className="article__header">
          <h1>{article.title}</h1>
          {bylineText(article.byline) ? (
            <p className="byline">Von {bylineText(article.byline)}</p>
          ) : null}
          <ArticleMeta dateline={article.dateline} publishedAt={article.publishedAt} withTime />
          {preview && article._status !== 'published' ? (
            <p className="draft-note">Entwurf – noch nicht veröffentlicht</p>
          ) : null}
        </header>
        {article.heroImage ? <HeroFigure image={article.heroImage} /> : null}
        <ArticleBody content={article.content} />
        {sources.length > 0 ? (
          <p className="sources">
            Mit Dateien von{' '}
            {sources.map((source, index) => (
              <span key={source.id}>
                {index === 0 ? null : index === sources.length - 1 ? ' und ' : ', '}
                {source.slug ? <a href={sourcePath(source.slug)}>{source.name}</a> : source.name}
              </span>
            ))}
          </p>
        ) : null}
      </article>

      {adjacent.older || adjacent.newer ? (
        <nav className="adjacent" aria-label="Weitere Artikel">
          {adjacent.older ? (
            <a
              className="adjacent__link adjacent__link--older"
              href={articlePath(adjacent.older.slug)}
              rel="prev"
            >
              <span className="adjacent__label">← Älterer Artikel</span>
              <span className="adjacent__title">{adjacent.older.title}</span>
            </a>
          ) : (
            <span />
          )}
          {adjacent.newer ? (
            <a
              className="adjacent__link adjacent__link--newer"
              href={articlePath(adjacent.newer.slug)}
              rel="next"
            >
              <span className="adjacent__label">Neuerer Artikel →</span>
              <span className="adjacent__title">{adjacent.newer.title}</span>
            </a>
          ) : null}
        </nav>
      ) : null}

      <CommentSection
        comments={comments}
        commenting={{
          articleId: article.id,
          articleSlug: article.slug,
          pagePath,
          open,
          closedNote: preview
            ? 'In der Vorschau gibt es kein Kommentarformular.'
            : 'Die Kommentare zu diesem Artikel sind geschlossen.',
          replyTo,
          formToken,
        }}
      />

      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: jsonLd(newsArticleJsonLd(article)) }}
      />
    </div>
  )
}
