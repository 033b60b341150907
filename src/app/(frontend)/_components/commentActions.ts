'use server'

import { refresh } from 'next/cache'
import { headers } from 'next/headers'

import { commentFormToken } from '@/comments/secrets'
import { requestClientIp } from '@/lib/http/clientAddress'
import { mutate } from '@/site/client'
import {
  commentFormResult,
  commentInput,
  nextFormToken,
  readCommentForm,
  unreachableResult,
  type CommentFormState,
} from '@/site/commentForm'
import { CreateCommentMutation } from '@/site/documents'

/**
 * The comment form's server action (`useActionState`; also the plain form POST when the
 * browser runs no JavaScript). It posts through GraphQL `createComment` like any API client —
 * anonymously, over loopback — and forwards the reader's address as `X-Forwarded-For`, so the
 * server's rules, including the rate limit, count the reader and not this server.
 */
export async function postComment(
  previous: CommentFormState,
  formData: FormData,
): Promise<CommentFormState> {
  const submission = readCommentForm(formData)
  const round = (Number.isSafeInteger(previous?.round) ? previous.round : 0) + 1
  let state: Omit<CommentFormState, 'formToken'>
  try {
    const ip = requestClientIp(await headers())
    const result = await mutate(
      CreateCommentMutation,
      { data: commentInput(submission) },
      { headers: { 'X-Forwarded-For': ip } },
    )
    state = commentFormResult(result, submission, round)
  } catch (error) {
    console.error('[comments] The comment form could not reach the GraphQL API:', error)
    state = unreachableResult(submission, round)
  }
  // Published at once (a known commenter): the reader's page shows it without a reload.
  if (state.outcome === 'approved') refresh()
  return { ...state, formToken: nextFormToken(state, submission, () => commentFormToken()) }
}

/**
 * A form token for a form shown from the cached article page: the browser asks for it when the
 * form appears, so its clock starts when the reader opened the page, not when the page was cached.
 */
export async function issueCommentFormToken(): Promise<string> {
  return commentFormToken()
}
