/** Turns the flat list of approved comments into threads (pure; no React, no fetch). */
export type FlatComment = {
  id: string
  authorName: string
  body: string
  byStaff?: boolean | null
  /** 1 for a comment, 2 for a reply to it, 3 for a reply to that (the deepest). */
  level?: number | null
  createdAt?: string | null
  parent?: { id: string } | null
}

export type CommentThread = FlatComment & { replies: CommentThread[] }

/**
 * Replies hang under their parent, everything in the order given (oldest first). A reply whose
 * parent readers cannot see (not approved, deleted) is shown at the top level rather than lost.
 */
export function threadComments(comments: FlatComment[]): CommentThread[] {
  const byId = new Map<string, CommentThread>()
  for (const comment of comments) byId.set(comment.id, { ...comment, replies: [] })
  const roots: CommentThread[] = []
  for (const comment of comments) {
    const node = byId.get(comment.id)!
    const parent = comment.parent?.id ? byId.get(comment.parent.id) : undefined
    if (parent && parent !== node && !isDescendant(parent, node)) parent.replies.push(node)
    else roots.push(node)
  }
  return roots
}

// Guards against a (corrupt) cycle, which would otherwise hide both comments.
function isDescendant(candidate: CommentThread, ancestor: CommentThread): boolean {
  return ancestor.replies.some((reply) => reply === candidate || isDescendant(candidate, reply))
}
