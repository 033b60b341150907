import { COMMENT_MAX_DEPTH } from '@/comments/policy'
import { threadComments, type CommentThread, type FlatComment } from '@/site/comments'
import { COMMENT_FORM_ANCHOR } from '@/site/commentForm'
import { replyPath } from '@/site/paths'
import { formatDateTime } from '@/site/format'
import { CommentForm, type ReplyTarget } from './CommentForm'

type Commenting = {
  articleId: string
  articleSlug: string
  /** The page the form is on (the article, or the reply page). */
  pagePath: string
  /** Readers may comment: the article's `commentsOpen`, and not in preview. */
  open: boolean
  /** Shown instead of the form when it is closed. */
  closedNote: string
  replyTo?: ReplyTarget | null
  formToken?: string | null
}

function CommentItem({
  comment,
  depth,
  commenting,
}: {
  comment: CommentThread
  depth: number
  commenting: Commenting
}) {
  // The server's level counts; the position in the tree is the fallback (same thing normally).
  const level = comment.level ?? depth
  const canReply = commenting.open && level < COMMENT_MAX_DEPTH
  return (
    <li className="comment" id={`kommentar-${comment.id}`}>
      <article aria-label={`Kommentar von ${comment.authorName}`}>
        <p className="comment__meta">
          <span className="comment__author">{comment.authorName}</span>
          {comment.byStaff ? <span className="badge">Redaktion</span> : null}
          {comment.createdAt ? (
            <>
              {' '}
              <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
            </>
          ) : null}
        </p>
        {/* Plain text, never HTML or links: React escapes it, CSS keeps the reader's line breaks. */}
        <p className="comment__body">{comment.body}</p>
        {canReply ? (
          <p className="comment__actions">
            <a
              className="comment__reply"
              href={`${replyPath(commenting.articleSlug, comment.id)}#${COMMENT_FORM_ANCHOR}`}
              aria-label={`Antworten auf den Kommentar von ${comment.authorName}`}
              rel="nofollow"
            >
              Antworten
            </a>
          </p>
        ) : null}
      </article>
      {comment.replies.length > 0 ? (
        <ol className="comment-replies" aria-label={`Antworten auf ${comment.authorName}`}>
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} depth={depth + 1} commenting={commenting} />
          ))}
        </ol>
      ) : null}
    </li>
  )
}

/** Approved reader comments, threaded, and the form for a new one (or a reply). */
export function CommentSection({
  comments,
  commenting,
}: {
  comments: FlatComment[]
  commenting: Commenting
}) {
  const threads = threadComments(comments)
  const count = comments.length
  return (
    <section className="comments" aria-labelledby="kommentare">
      <h2 id="kommentare">Kommentare{count > 0 ? ` (${count})` : ''}</h2>
      {threads.length > 0 ? (
        <ol className="comment-list">
          {threads.map((comment) => (
            <CommentItem key={comment.id} comment={comment} depth={1} commenting={commenting} />
          ))}
        </ol>
      ) : (
        <p className="empty">Noch keine Kommentare.</p>
      )}
      {commenting.open ? (
        <CommentForm
          articleId={commenting.articleId}
          pagePath={commenting.pagePath}
          replyTo={commenting.replyTo}
          formToken={commenting.formToken}
        />
      ) : (
        <p className="note" id={COMMENT_FORM_ANCHOR}>
          {commenting.closedNote}
        </p>
      )}
    </section>
  )
}
