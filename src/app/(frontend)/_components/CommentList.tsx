import { threadComments, type CommentThread, type FlatComment } from '@/site/comments'
import { formatDateTime } from '@/site/format'

function CommentItem({ comment }: { comment: CommentThread }) {
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
        {/* Plain text: React escapes it, CSS keeps the reader's line breaks. */}
        <p className="comment__body">{comment.body}</p>
      </article>
      {comment.replies.length > 0 ? (
        <ol className="comment-replies" aria-label={`Antworten auf ${comment.authorName}`}>
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} />
          ))}
        </ol>
      ) : null}
    </li>
  )
}

/** Approved reader comments, threaded. The comment form follows with the comments feature. */
export function CommentSection({ comments }: { comments: FlatComment[] }) {
  const threads = threadComments(comments)
  const count = comments.length
  return (
    <section className="comments" aria-labelledby="kommentare">
      <h2 id="kommentare">Kommentare{count > 0 ? ` (${count})` : ''}</h2>
      {threads.length > 0 ? (
        <ol className="comment-list">
          {threads.map((comment) => (
            <CommentItem key={comment.id} comment={comment} />
          ))}
        </ol>
      ) : (
        <p className="empty">Noch keine Kommentare.</p>
      )}
      <p className="note">Das Formular für neue Kommentare folgt in Kürze.</p>
    </section>
  )
}
