import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  COMMENT_BODY_MAX,
  commentingState,
  countLinks,
  decideStatus,
  DEFAULT_COMMENT_SETTINGS,
  findBlockedTerms,
  HUMAN_MAX_WAIT_MS,
  isHoneypotFilled,
  mayAutoApprove,
  minimumHumanMs,
  normalizeBody,
  normalizeEmail,
  normalizeSettings,
  parseBlockList,
  replyDepth,
  spamSignals,
  validateSubmission,
  type TokenCheck,
} from '@/comments/policy'
import { isValidEmail } from '@/lib/validation'

const valid = {
  authorName: 'Lea Leserin',
  authorEmail: 'lea@example.com',
  body: 'Ein guter Artikel.',
}
const settings = {
  ...DEFAULT_COMMENT_SETTINGS,
  blockList: parseBlockList('casino*\nbillig kaufen\nsex'),
}
const slowToken: TokenCheck = { status: 'valid', elapsedMs: 120_000 }

describe('validateSubmission', () => {
  it('accepts a normal comment and normalises it', () => {
    const result = validateSubmission({
      authorName: '  Lea \n Leserin ',
      authorEmail: ' Lea@Example.COM ',
      body: '  Erste Zeile\r\nZweite\u0000 Zeile  ',
    })
    expect(result).toEqual({
      ok: true,
      value: {
        authorName: 'Lea Leserin',
        authorEmail: 'lea@example.com',
        body: 'Erste Zeile\nZweite Zeile',
      },
    })
  })

  it.each([
    ['empty body', { body: '' }, 'body'],
    ['one character', { body: 'a' }, 'body'],
    ['only whitespace around one character', { body: '   a   ' }, 'body'],
    ['too long', { body: 'x'.repeat(COMMENT_BODY_MAX + 1) }, 'body'],
    ['body not a string', { body: 42 }, 'body'],
    ['missing name', { authorName: '   ' }, 'authorName'],
    ['too long a name', { authorName: 'N'.repeat(81) }, 'authorName'],
    ['missing email', { authorEmail: undefined }, 'authorEmail'],
    ['email without domain dot', { authorEmail: 'lea@example' }, 'authorEmail'],
    ['email with two @', { authorEmail: 'lea@@example.com' }, 'authorEmail'],
    ['email with spaces', { authorEmail: 'lea leserin@example.com' }, 'authorEmail'],
    ['email with double dot', { authorEmail: 'lea..l@example.com' }, 'authorEmail'],
  ])('rejects %s', (_label, override, path) => {
    const result = validateSubmission({ ...valid, ...override })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.map((error) => error.path)).toContain(path)
  })

  it('accepts exactly 2 and exactly 5000 characters', () => {
    expect(validateSubmission({ ...valid, body: 'ok' }).ok).toBe(true)
    expect(validateSubmission({ ...valid, body: 'x'.repeat(COMMENT_BODY_MAX) }).ok).toBe(true)
  })

  it('reports every problem with a German message', () => {
    const result = validateSubmission({})
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors.map((error) => error.path)).toEqual([
        'authorName',
        'authorEmail',
        'body',
      ])
      for (const error of result.errors) expect(error.message).toMatch(/Bitte|Kommentar/)
    }
  })
})

describe('normalizeBody', () => {
  it('keeps line breaks and tabs, drops control and bidi characters', () => {
    expect(normalizeBody('a\r\nb\rc\n\td\u202Ee\u200Bf')).toBe('a\nb\nc\n\tdef')
  })
})

describe('honeypot', () => {
  it.each([
    [undefined, false],
    [null, false],
    ['', false],
    ['   ', false],
    ['http://spam.example', true],
    ['x', true],
    [0, true],
    [{}, true],
  ])('%j filled: %s', (value, filled) => {
    expect(isHoneypotFilled(value)).toBe(filled)
  })
})

describe('countLinks', () => {
  it.each([
    ['Kein Link, nur spiegel.de erwähnt.', 0],
    ['Siehe https://example.com/a und http://example.org', 2],
    ['www.example.com und WWW.EXAMPLE.ORG/x', 2],
    ['[url=http://x.example]x[/url]', 2],
    ['<a href="http://x.example">x</a>', 2],
    ['https://a.example https://b.example https://c.example', 3],
  ])('%s → %i', (text, count) => {
    expect(countLinks(text)).toBe(count)
  })
})

describe('block list', () => {
  it('parses one term per line, ignoring notes, blanks, case and duplicates', () => {
    expect(parseBlockList('# Notiz\nCasino*\n\n  Billig   Kaufen \ncasino*\n*\n')).toEqual([
      'casino*',
      'billig kaufen',
    ])
    expect(parseBlockList(undefined)).toEqual([])
  })

  it('matches whole words, case-insensitively, phrases across whitespace, prefixes with *', () => {
    expect(findBlockedTerms(['Ich war in ESSEX.'], settings.blockList)).toEqual([])
    expect(findBlockedTerms(['Mehr SEX!'], settings.blockList)).toEqual(['sex'])
    expect(findBlockedTerms(['Hier Billig\n kaufen!'], settings.blockList)).toEqual([
      'billig kaufen',
    ])
    expect(findBlockedTerms(['Online-Casinos locken'], settings.blockList)).toEqual(['casino*'])
    expect(findBlockedTerms(['Kasino'], settings.blockList)).toEqual([])
  })

  it('handles umlauts and regex characters in terms', () => {
    expect(findBlockedTerms(['Das ist Größenwahn'], parseBlockList('größenwahn'))).toEqual([
      'größenwahn',
    ])
    expect(findBlockedTerms(['Preis: 1.000 (netto)?'], parseBlockList('(netto)?'))).toEqual([
      '(netto)?',
    ])
    expect(findBlockedTerms(['Preis: 1x000'], parseBlockList('1.000'))).toEqual([])
  })
})

describe('minimumHumanMs', () => {
  it('grows with the length, within bounds', () => {
    expect(minimumHumanMs(0)).toBe(3_000)
    expect(minimumHumanMs(100)).toBe(8_000)
    expect(minimumHumanMs(5000)).toBe(HUMAN_MAX_WAIT_MS)
  })
})

describe('spamSignals and decideStatus', () => {
  const submission = {
    authorName: 'Lea',
    authorEmail: 'lea@example.com',
    body: 'Ein ruhiger, vernünftiger Kommentar.',
  }

  it('finds no signal in an ordinary comment', () => {
    expect(spamSignals({ submission, settings, token: slowToken })).toEqual([])
  })

  it('flags more links than allowed, blocked terms in name, email or body, forged tokens and haste', () => {
    const links = { ...submission, body: 'https://a.example https://b.example https://c.example' }
    expect(spamSignals({ submission: links, settings, token: slowToken })).toEqual(['links:3'])
    expect(
      spamSignals({
        submission: { ...submission, authorName: 'Casino Royal' },
        settings,
        token: slowToken,
      }),
    ).toEqual(['blocklist:casino*'])
    expect(
      spamSignals({
        submission: { ...submission, authorEmail: 'casino@example.com' },
        settings,
        token: slowToken,
      }),
    ).toEqual(['blocklist:casino*'])
    expect(spamSignals({ submission, settings, token: { status: 'invalid' } })).toEqual([
      'token-invalid',
    ])
    expect(
      spamSignals({ submission, settings, token: { status: 'valid', elapsedMs: 1200 } }),
    ).toEqual(['fast:1200ms'])
  })

  it('treats a missing or expired token as no signal', () => {
    expect(spamSignals({ submission, settings, token: { status: 'missing' } })).toEqual([])
    expect(spamSignals({ submission, settings, token: { status: 'expired' } })).toEqual([])
  })

  it('respects the configured links limit', () => {
    const two = { ...submission, body: 'https://a.example und https://b.example' }
    expect(spamSignals({ submission: two, settings, token: slowToken })).toEqual([])
    expect(
      spamSignals({ submission: two, settings: { ...settings, maxLinks: 1 }, token: slowToken }),
    ).toEqual(['links:2'])
  })

  it('sends signalled comments where the settings say', () => {
    const base = { token: slowToken, knownCommenter: true }
    expect(
      decideStatus({
        ...base,
        signals: ['links:3'],
        settings: { ...settings, spamAction: 'spam' },
      }),
    ).toBe('spam')
    expect(
      decideStatus({
        ...base,
        signals: ['links:3'],
        settings: { ...settings, spamAction: 'pending' },
      }),
    ).toBe('pending')
  })

  it('approves a known commenter only with auto-approval on and a valid form token', () => {
    expect(decideStatus({ signals: [], settings, token: slowToken, knownCommenter: true })).toBe(
      'approved',
    )
    expect(decideStatus({ signals: [], settings, token: slowToken, knownCommenter: false })).toBe(
      'pending',
    )
    expect(
      decideStatus({
        signals: [],
        settings: { ...settings, autoApproveKnown: false },
        token: slowToken,
        knownCommenter: true,
      }),
    ).toBe('pending')
    expect(
      decideStatus({ signals: [], settings, token: { status: 'missing' }, knownCommenter: true }),
    ).toBe('pending')
    expect(
      decideStatus({ signals: [], settings, token: { status: 'expired' }, knownCommenter: true }),
    ).toBe('pending')
  })

  it('asks for the known-commenter lookup only when it can matter', () => {
    expect(mayAutoApprove({ signals: [], settings, token: slowToken })).toBe(true)
    expect(mayAutoApprove({ signals: ['links:3'], settings, token: slowToken })).toBe(false)
    expect(mayAutoApprove({ signals: [], settings, token: { status: 'missing' } })).toBe(false)
    expect(
      mayAutoApprove({
        signals: [],
        settings: { ...settings, autoApproveKnown: false },
        token: slowToken,
      }),
    ).toBe(false)
  })
})

describe('replyDepth', () => {
  it('counts levels from 1', () => {
    expect(replyDepth(undefined)).toBe(2)
    expect(replyDepth(1)).toBe(2)
    expect(replyDepth(2)).toBe(3)
    expect(replyDepth(3)).toBe(4)
  })
})

describe('commentingState', () => {
  const now = Date.parse('2026-03-10T12:00:00Z')
  const published = {
    _status: 'published',
    commentsEnabled: true,
    publishedAt: '2026-03-01T12:00:00Z',
  }

  it('is open for a published article with comments enabled', () => {
    expect(commentingState(published, null, now)).toEqual({ open: true })
  })

  it('is closed for missing, unpublished and disabled articles', () => {
    expect(commentingState(null, null, now)).toEqual({ open: false, reason: 'missing' })
    expect(commentingState({ ...published, _status: 'draft' }, null, now)).toEqual({
      open: false,
      reason: 'unpublished',
    })
    expect(commentingState({ ...published, commentsEnabled: false }, null, now)).toEqual({
      open: false,
      reason: 'disabled',
    })
  })

  it('closes N days after publication', () => {
    expect(commentingState(published, 10, now)).toEqual({ open: true })
    expect(commentingState(published, 9, now)).toEqual({ open: false, reason: 'closed' })
    expect(commentingState(published, 0, now)).toEqual({ open: false, reason: 'closed' })
    expect(commentingState({ ...published, publishedAt: null }, 1, now)).toEqual({ open: true })
  })
})

describe('normalizeSettings', () => {
  it('fills defaults and drops nonsense', () => {
    expect(normalizeSettings(null)).toEqual(DEFAULT_COMMENT_SETTINGS)
    expect(
      normalizeSettings({
        maxLinks: -1,
        rateLimitPerMinute: 2.7,
        spamAction: 'delete',
        closeAfterDays: 14,
        blockList: 'A\nb',
        autoApproveKnown: false,
      }),
    ).toEqual({
      ...DEFAULT_COMMENT_SETTINGS,
      rateLimitPerMinute: 2,
      closeAfterDays: 14,
      blockList: ['a', 'b'],
      autoApproveKnown: false,
    })
  })
})

describe('one e-mail check for comments', () => {
  // The comment rules and the comments' `authorEmail` field accept exactly the same addresses.
  const accepted = (authorEmail: string) =>
    !(
      validateSubmission({ ...valid, authorEmail }) as { errors?: { path: string }[] }
    ).errors?.some((error) => error.path === 'authorEmail')
  const candidates = fc.oneof(
    fc.emailAddress(),
    fc.string(),
    fc
      .tuple(fc.emailAddress(), fc.constantFrom(' ', '..', '@', '<', ',', '"', 'A'))
      .map(([email, noise]) => email + noise),
    fc
      .tuple(fc.constantFrom(' ', '.', '@', '('), fc.emailAddress())
      .map(([noise, email]) => noise + email),
  )

  it('validateSubmission agrees with isValidEmail on every address', () => {
    fc.assert(
      fc.property(candidates, (email) => {
        expect(accepted(email)).toBe(email.trim() !== '' && isValidEmail(normalizeEmail(email)))
      }),
      { numRuns: 2000 },
    )
  })
})
