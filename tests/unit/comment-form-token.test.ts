import { describe, expect, it } from 'vitest'

import {
  createFormToken,
  FORM_TOKEN_CLOCK_SKEW_MS,
  FORM_TOKEN_MAX_AGE_MS,
  verifyFormToken,
} from '@/comments/formToken'

const secret = 'form-secret'
const rendered = Date.parse('2026-05-01T10:00:00Z')

describe('form token', () => {
  it('round-trips and reports the time since rendering', () => {
    const token = createFormToken(rendered, secret)
    expect(token).toMatch(/^[0-9a-z]+\.[0-9a-f]{32}$/)
    expect(verifyFormToken(token, rendered + 45_000, secret)).toEqual({
      status: 'valid',
      elapsedMs: 45_000,
    })
  })

  it('is missing when absent', () => {
    for (const value of [undefined, null, ''])
      expect(verifyFormToken(value, rendered, secret)).toEqual({ status: 'missing' })
  })

  it('is invalid with another secret, a changed timestamp, a bad shape or a wrong type', () => {
    const token = createFormToken(rendered, secret)
    const [timestamp, signature] = token.split('.')
    const earlier = (rendered - 600_000).toString(36)
    for (const forged of [
      createFormToken(rendered, 'other-secret'),
      `${earlier}.${signature}`,
      `${timestamp}.${'0'.repeat(32)}`,
      `${timestamp}`,
      `${timestamp}.${signature}.x`,
      'x'.repeat(200),
      42,
      { token },
    ]) {
      expect(verifyFormToken(forged, rendered + 10_000, secret)).toEqual({ status: 'invalid' })
    }
  })

  it('is invalid from the future beyond the clock skew, expired when too old', () => {
    const future = createFormToken(rendered + FORM_TOKEN_CLOCK_SKEW_MS + 1000, secret)
    expect(verifyFormToken(future, rendered, secret)).toEqual({ status: 'invalid' })
    const slightlyAhead = createFormToken(rendered + 2000, secret)
    expect(verifyFormToken(slightlyAhead, rendered, secret)).toEqual({
      status: 'valid',
      elapsedMs: 0,
    })
    const old = createFormToken(rendered, secret)
    expect(verifyFormToken(old, rendered + FORM_TOKEN_MAX_AGE_MS + 1, secret)).toEqual({
      status: 'expired',
    })
  })
})
