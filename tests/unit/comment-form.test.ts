import { describe, expect, it } from 'vitest'

import { mutationResult, type MutationResult } from '@/site/client'
import {
  commentFormResult,
  commentInput,
  initialCommentFormState,
  MESSAGES,
  rateLimitMessage,
  readCommentForm,
  type CommentSubmission,
} from '@/site/commentForm'
import type { CreateCommentMutation } from '@/site/gql/graphql'

const TOKEN = 'm3k9x2a1.0123456789abcdef0123456789abcdef'

const submission: CommentSubmission = {
  values: { authorName: 'Lea', authorEmail: 'lea@example.com', body: 'Hallo <b>Welt</b>' },
  article: 'a1',
  parent: null,
  website: '',
  formToken: TOKEN,
}

const answer = (
  payload: unknown,
  headers: Record<string, string> = {},
): MutationResult<CreateCommentMutation> =>
  mutationResult<CreateCommentMutation>(200, new Headers(headers), payload)

const refusal = (statusCode: number, message: string, data?: unknown) => ({
  data: { createComment: null },
  errors: [{ message, extensions: { name: 'APIError', statusCode, data } }],
})

describe('readCommentForm', () => {
  const form = (fields: Record<string, string | Blob>) => {
    const data = new FormData()
    for (const [name, value] of Object.entries(fields)) data.append(name, value)
    return data
  }

  it('takes the fields as strings, untouched (the server normalises)', () => {
    const read = readCommentForm(
      form({
        article: ' a1 ',
        parent: 'c2',
        authorName: '  Lea ',
        authorEmail: 'LEA@example.com',
        body: 'Zeile 1\r\nZeile 2',
        website: '',
        formToken: TOKEN,
        status: 'approved',
      }),
    )
    expect(read).toEqual({
      values: { authorName: '  Lea ', authorEmail: 'LEA@example.com', body: 'Zeile 1\r\nZeile 2' },
      article: 'a1',
      parent: 'c2',
      website: '',
      formToken: TOKEN,
    })
  })

  it('drops what cannot be an id or a token, and files', () => {
    const read = readCommentForm(
      form({ parent: '../x', formToken: 'nonsense', body: new Blob(['x']) }),
    )
    expect(read.parent).toBeNull()
    expect(read.formToken).toBeNull()
    expect(read.values.body).toBe('')
    expect(read.article).toBe('')
  })

  it('keeps the honeypot as sent, for the server to judge', () => {
    expect(readCommentForm(form({ website: 'http://spam.example' })).website).toBe(
      'http://spam.example',
    )
  })

  it('caps absurdly long input', () => {
    expect(readCommentForm(form({ body: 'x'.repeat(50_000) })).values.body).toHaveLength(20_000)
  })
})

describe('commentInput', () => {
  it('sends only what a reader may send', () => {
    expect(commentInput({ ...submission, parent: 'c2' })).toEqual({
      article: 'a1',
      parent: 'c2',
      authorName: 'Lea',
      authorEmail: 'lea@example.com',
      body: 'Hallo <b>Welt</b>',
      website: '',
      formToken: TOKEN,
    })
  })
})

describe('commentFormResult', () => {
  it('pending (or spam, which looks the same): the moderation notice, the form emptied', () => {
    for (const status of ['pending', 'spam', null]) {
      const state = commentFormResult(
        answer({ data: { createComment: { id: 'c1', status } } }),
        submission,
        3,
      )
      expect(state).toEqual({
        round: 3,
        outcome: 'pending',
        message: MESSAGES.pending,
        fieldErrors: {},
        values: { authorName: '', authorEmail: '', body: '' },
        commentId: null,
      })
    }
  })

  it('approved at once: published, with the id to link to', () => {
    const state = commentFormResult(
      answer({ data: { createComment: { id: 'c1', status: 'approved' } } }),
      submission,
      1,
    )
    expect(state).toMatchObject({
      outcome: 'approved',
      message: MESSAGES.approved,
      commentId: 'c1',
    })
  })

  it('400: messages per field, everything else above the form, the input kept', () => {
    const state = commentFormResult(
      answer(
        refusal(400, 'x', {
          errors: [
            { path: 'authorEmail', message: 'Bitte eine gültige E-Mail-Adresse angeben.' },
            { path: 'body', message: 'Der Kommentar muss mindestens 2 Zeichen lang sein.' },
            { path: 'body', message: 'Zweite Meldung zum selben Feld.' },
            { path: 'parent', message: 'Auf diesen Kommentar kann nicht geantwortet werden.' },
          ],
        }),
      ),
      submission,
      2,
    )
    expect(state).toEqual({
      round: 2,
      outcome: 'error',
      message: `${MESSAGES.checkFields} Auf diesen Kommentar kann nicht geantwortet werden.`,
      fieldErrors: {
        authorEmail: 'Bitte eine gültige E-Mail-Adresse angeben.',
        body: 'Der Kommentar muss mindestens 2 Zeichen lang sein.',
      },
      values: submission.values,
      commentId: null,
    })
  })

  it('400 about a field the form does not show: only the message above', () => {
    const state = commentFormResult(
      answer(
        refusal(400, 'x', {
          errors: [{ path: 'website', message: 'Das Feld „Website“ muss leer bleiben.' }],
        }),
      ),
      submission,
      1,
    )
    expect(state).toMatchObject({
      outcome: 'error',
      message: 'Das Feld „Website“ muss leer bleiben.',
      fieldErrors: {},
    })
  })

  it('403 and 404: the server’s message', () => {
    expect(
      commentFormResult(
        answer(refusal(403, 'Die Kommentare zu diesem Artikel sind geschlossen.')),
        submission,
        1,
      ).message,
    ).toBe('Die Kommentare zu diesem Artikel sind geschlossen.')
    expect(
      commentFormResult(answer(refusal(404, 'Diesen Artikel gibt es nicht.')), submission, 1)
        .message,
    ).toBe('Diesen Artikel gibt es nicht.')
  })

  it('429: the wait in whole minutes, from the error data or else Retry-After', () => {
    const fromData = commentFormResult(answer(refusal(429, 'x', { retryAfter: 42 })), submission, 1)
    expect(fromData).toMatchObject({ outcome: 'error', values: submission.values })
    expect(fromData.message).toBe(
      'Zu viele Kommentare in kurzer Zeit – bitte in 1 Minute erneut versuchen.',
    )
    const fromHeader = commentFormResult(
      answer(refusal(429, 'x'), { 'Retry-After': '1800' }),
      submission,
      1,
    )
    expect(fromHeader.message).toBe(
      'Zu viele Kommentare in kurzer Zeit – bitte in 30 Minuten erneut versuchen.',
    )
  })

  it('anything else: try again later, never the raw server text', () => {
    for (const payload of [
      refusal(500, 'Something went wrong.'),
      { errors: [{ message: 'Variable "$data" got invalid value' }] },
      {},
      null,
      'oops',
    ]) {
      const state = commentFormResult(answer(payload), submission, 1)
      expect(state).toMatchObject({
        outcome: 'error',
        message: MESSAGES.failed,
        fieldErrors: {},
        values: submission.values,
      })
    }
  })
})

describe('rateLimitMessage', () => {
  it.each([
    [1, '1 Minute'],
    [60, '1 Minute'],
    [61, '2 Minuten'],
    [3599, '60 Minuten'],
    [null, '1 Minute'],
  ])('%s s → %s', (seconds, text) => {
    expect(rateLimitMessage(seconds)).toBe(
      `Zu viele Kommentare in kurzer Zeit – bitte in ${text} erneut versuchen.`,
    )
  })
})

describe('the initial state', () => {
  it('starts empty, with the token it is given', () => {
    expect(initialCommentFormState()).toMatchObject({
      round: 0,
      outcome: 'idle',
      message: null,
      formToken: null,
    })
    expect(initialCommentFormState(TOKEN).formToken).toBe(TOKEN)
  })
})
