'use client'

import { useActionState, useEffect, useRef, useState, type ReactNode } from 'react'

import {
  COMMENT_FORM_ANCHOR,
  initialCommentFormState,
  type CommentFormField,
} from '@/site/commentForm'
import { issueCommentFormToken, postComment } from './commentActions'

export type ReplyTarget = { id: string; authorName: string; cancelHref: string }

type Props = {
  articleId: string
  /** The page the form is on; without JavaScript the browser posts there and lands on the form. */
  pagePath: string
  replyTo?: ReplyTarget | null
  /** A token rendered with the page — only on pages rendered per request (the reply page). */
  formToken?: string | null
}

const ids = {
  title: `${COMMENT_FORM_ANCHOR}-titel`,
  message: `${COMMENT_FORM_ANCHOR}-meldung`,
  privacy: `${COMMENT_FORM_ANCHOR}-hinweis`,
}

/**
 * The reader's comment form. A progressive-enhancement server action: with JavaScript it posts in
 * the background and shows the answer in place; without, the browser posts the form and the page
 * comes back with the same answer (`useActionState` restores the action's state on the server).
 */
export function CommentForm({ articleId, pagePath, replyTo = null, formToken = null }: Props) {
  const [state, formAction, pending] = useActionState(
    postComment,
    initialCommentFormState(formToken),
    `${pagePath}#${COMMENT_FORM_ANCHOR}`,
  )
  // The cached article page carries no token (it would be as old as the cache): ask for one as
  // soon as the form is on screen. Without JavaScript the first comment goes without one.
  const [issuedToken, setIssuedToken] = useState<string | null>(null)
  useEffect(() => {
    if (state.formToken || issuedToken) return
    let cancelled = false
    issueCommentFormToken().then(
      (token) => {
        if (!cancelled) setIssuedToken(token)
      },
      () => undefined,
    )
    return () => {
      cancelled = true
    }
  }, [state.formToken, issuedToken])

  // After each submission the message is read out and focused, where the reader's eyes should go.
  const messageRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (state.round > 0) messageRef.current?.focus()
  }, [state.round])

  const errorOf = (field: CommentFormField) => state.fieldErrors[field]
  const posted = state.outcome === 'pending' || state.outcome === 'approved'

  return (
    <section className="comment-form" id={COMMENT_FORM_ANCHOR} aria-labelledby={ids.title}>
      <h3 id={ids.title}>
        {replyTo ? `Antwort auf den Kommentar von ${replyTo.authorName}` : 'Ihr Kommentar'}
      </h3>
      {replyTo ? (
        <p className="comment-form__reply">
          <a href={`#kommentar-${replyTo.id}`}>Zum Kommentar</a>
          {' · '}
          <a href={replyTo.cancelHref}>Antwort abbrechen</a>
        </p>
      ) : null}
      <p className="comment-form__privacy" id={ids.privacy}>
        Ihre E-Mail-Adresse wird nicht angezeigt. Pflichtfelder sind mit * markiert.
      </p>

      <div
        ref={messageRef}
        id={ids.message}
        role="status"
        tabIndex={-1}
        className={
          state.message
            ? `form-message ${posted ? 'form-message--success' : 'form-message--error'}`
            : undefined
        }
      >
        {state.message}
        {state.outcome === 'approved' && state.commentId ? (
          <>
            {' '}
            <a href={`#kommentar-${state.commentId}`}>Zum Kommentar</a>
          </>
        ) : null}
      </div>

      <form action={formAction} className="comment-form__form">
        <input type="hidden" name="article" value={articleId} />
        {replyTo ? <input type="hidden" name="parent" value={replyTo.id} /> : null}
        <input type="hidden" name="formToken" value={state.formToken ?? issuedToken ?? ''} />

        {/* Honeypot: people never see it; a bot that fills in every field gives itself away. */}
        <div className="comment-form__trap">
          <label htmlFor="kommentar-website">
            Website – dieses Feld bitte leer lassen (Schutz vor Spam)
          </label>
          <input
            id="kommentar-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </div>

        <Field id="kommentar-name" label="Name" error={errorOf('authorName')}>
          {(aria) => (
            <input
              {...aria}
              name="authorName"
              type="text"
              autoComplete="name"
              required
              defaultValue={state.values.authorName}
            />
          )}
        </Field>
        <Field
          id="kommentar-email"
          label="E-Mail"
          hint="Wird nicht angezeigt."
          error={errorOf('authorEmail')}
        >
          {(aria) => (
            <input
              {...aria}
              name="authorEmail"
              type="email"
              autoComplete="email"
              inputMode="email"
              required
              defaultValue={state.values.authorEmail}
            />
          )}
        </Field>
        <Field
          id="kommentar-text"
          label="Kommentar"
          hint="Reiner Text, höchstens 5000 Zeichen."
          error={errorOf('body')}
        >
          {(aria) => (
            <textarea {...aria} name="body" rows={6} required defaultValue={state.values.body} />
          )}
        </Field>

        <p className="comment-form__actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? 'Wird gesendet …' : replyTo ? 'Antwort senden' : 'Kommentar senden'}
          </button>
        </p>
      </form>
    </section>
  )
}

type FieldAria = {
  id: string
  'aria-invalid'?: true
  'aria-describedby'?: string
}

function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string
  label: string
  hint?: string
  error?: string
  children: (aria: FieldAria) => ReactNode
}) {
  const hintId = hint ? `${id}-hinweis` : undefined
  const errorId = error ? `${id}-fehler` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div className={error ? 'form-field form-field--invalid' : 'form-field'}>
      <label htmlFor={id}>
        {label}
        <span aria-hidden="true"> *</span>
      </label>
      {error ? (
        <p className="form-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {children({
        id,
        ...(error ? { 'aria-invalid': true } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint ? (
        <p className="form-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  )
}
