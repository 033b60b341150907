import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'

import { SECRET_NOTICE_SHOWN, derivedSecret, resolvePayloadSecret, sameSecret } from '@/lib/secret'

const env = (vars: Record<string, string>): NodeJS.ProcessEnv => vars as NodeJS.ProcessEnv

const HEX_64 = /^[0-9a-f]{64}$/

let warn: MockInstance<typeof console.warn>

beforeEach(() => {
  globalThis.__newsroomSecretNoticeShown = undefined
  delete process.env[SECRET_NOTICE_SHOWN]
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
})

afterEach(() => {
  warn.mockRestore()
  vi.unstubAllEnvs()
  globalThis.__newsroomSecretNoticeShown = undefined
  delete process.env[SECRET_NOTICE_SHOWN]
})

describe('resolvePayloadSecret', () => {
  it('returns PAYLOAD_SECRET when it is set, in every environment', () => {
    for (const NODE_ENV of ['production', 'development', 'test']) {
      expect(
        resolvePayloadSecret(env({ NODE_ENV, PAYLOAD_SECRET: 'my-long-secret' }), '/srv/a'),
      ).toBe('my-long-secret')
    }
    expect(warn).not.toHaveBeenCalled()
  })

  it('trims PAYLOAD_SECRET', () => {
    expect(
      resolvePayloadSecret(
        env({ NODE_ENV: 'production', PAYLOAD_SECRET: '  my-long-secret\n' }),
        '/srv/a',
      ),
    ).toBe('my-long-secret')
  })

  it('throws in production without PAYLOAD_SECRET, naming the variable', () => {
    expect(() => resolvePayloadSecret(env({ NODE_ENV: 'production' }), '/srv/a')).toThrow(Error)
    expect(() => resolvePayloadSecret(env({ NODE_ENV: 'production' }), '/srv/a')).toThrow(
      /PAYLOAD_SECRET/,
    )
    expect(warn).not.toHaveBeenCalled()
  })

  it('treats an empty or whitespace-only PAYLOAD_SECRET as unset in production', () => {
    expect(() =>
      resolvePayloadSecret(env({ NODE_ENV: 'production', PAYLOAD_SECRET: '' }), '/srv/a'),
    ).toThrow(/PAYLOAD_SECRET/)
    expect(() =>
      resolvePayloadSecret(env({ NODE_ENV: 'production', PAYLOAD_SECRET: '   ' }), '/srv/a'),
    ).toThrow(/PAYLOAD_SECRET/)
  })

  it('throws in production at runtime (a NEXT_PHASE other than the build)', () => {
    expect(() =>
      resolvePayloadSecret(
        env({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-server' }),
        '/srv/a',
      ),
    ).toThrow(/PAYLOAD_SECRET/)
  })

  it('does not throw during `next build` (NEXT_PHASE=phase-production-build)', () => {
    const secret = resolvePayloadSecret(
      env({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }),
      '/srv/a',
    )
    expect(secret).toMatch(HEX_64)
    expect(secret).toBe(resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/srv/a'))
  })

  describe('in development without PAYLOAD_SECRET', () => {
    it('returns a 64-character hex secret', () => {
      expect(resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/srv/newsroom')).toMatch(
        HEX_64,
      )
    })

    it('derives it from the working directory: sha256("newsroom-dev-secret:" + cwd)', () => {
      expect(resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/srv/newsroom')).toBe(
        'fec0f5d5e96b43c17c919a0101a7f80569f12cff64ff62ff4cb2cd59737684bd',
      )
    })

    it('is stable for the same working directory', () => {
      const first = resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/srv/newsroom')
      const second = resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/srv/newsroom')
      expect(second).toBe(first)
    })

    it('differs between working directories', () => {
      const a = resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/srv/newsroom')
      const b = resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/srv/newsroom-2')
      const c = resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/home/dev/newsroom')
      expect(new Set([a, b, c]).size).toBe(3)
    })

    it('does not depend on NODE_ENV other than production', () => {
      const development = resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/srv/newsroom')
      expect(resolvePayloadSecret(env({ NODE_ENV: 'test' }), '/srv/newsroom')).toBe(development)
      expect(resolvePayloadSecret(env({}), '/srv/newsroom')).toBe(development)
    })

    it('does not reveal the working directory', () => {
      expect(resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/srv/newsroom')).not.toContain(
        'newsroom',
      )
    })

    it('warns exactly once per process, naming PAYLOAD_SECRET', () => {
      resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/srv/a')
      resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/srv/b')
      resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/srv/a')
      expect(warn).toHaveBeenCalledTimes(1)
      expect(warn).toHaveBeenCalledWith(
        '[newsroom] PAYLOAD_SECRET is not set; using a generated development secret.',
      )
      expect(globalThis.__newsroomSecretNoticeShown).toBe(true)
    })

    it('hands the notice on to child processes through the environment', () => {
      resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/srv/a')
      expect(process.env[SECRET_NOTICE_SHOWN]).toBe('1')
    })

    it('stays quiet in a child process of a start that has shown it (next build, workers)', () => {
      process.env[SECRET_NOTICE_SHOWN] = '1'
      resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/srv/a')
      expect(warn).not.toHaveBeenCalled()
    })

    it('does not warn again once the notice has been shown', () => {
      globalThis.__newsroomSecretNoticeShown = true
      resolvePayloadSecret(env({ NODE_ENV: 'development' }), '/srv/a')
      expect(warn).not.toHaveBeenCalled()
    })

    it('does not warn when the secret is set', () => {
      resolvePayloadSecret(env({ NODE_ENV: 'development', PAYLOAD_SECRET: 'set' }), '/srv/a')
      expect(warn).not.toHaveBeenCalled()
      expect(globalThis.__newsroomSecretNoticeShown).toBeUndefined()
    })
  })

  it('reads process.env by default', () => {
    vi.stubEnv('PAYLOAD_SECRET', 'from-process-env')
    expect(resolvePayloadSecret()).toBe('from-process-env')
  })
})

describe('derivedSecret', () => {
  const SECRET = 'unit-test-payload-secret'

  beforeEach(() => {
    vi.stubEnv('PAYLOAD_SECRET', SECRET)
  })

  it('is the first 40 hex characters of HMAC-SHA256(PAYLOAD_SECRET, "newsroom:" + purpose)', () => {
    expect(derivedSecret('comments')).toBe('ea9bc0fc61de6aaaa30fb3d92bd51b86b59cbb20')
  })

  it('is 40 hex characters', () => {
    expect(derivedSecret('comments')).toMatch(/^[0-9a-f]{40}$/)
    expect(derivedSecret('')).toMatch(/^[0-9a-f]{40}$/)
  })

  it('is stable for the same purpose', () => {
    expect(derivedSecret('comment-ip-hash')).toBe(derivedSecret('comment-ip-hash'))
  })

  it('differs per purpose', () => {
    const values = ['comments', 'comment-ip-hash', 'preview', 'newsletter', ''].map(derivedSecret)
    expect(new Set(values).size).toBe(values.length)
  })

  it('does not contain the secret', () => {
    for (const purpose of ['comments', 'preview', SECRET]) {
      const derived = derivedSecret(purpose)
      expect(derived).not.toContain(SECRET)
      expect(derived).not.toBe(SECRET)
    }
  })

  it('changes when PAYLOAD_SECRET changes', () => {
    const before = derivedSecret('comments')
    vi.stubEnv('PAYLOAD_SECRET', 'another-secret')
    expect(derivedSecret('comments')).not.toBe(before)
  })

  it('throws in production without PAYLOAD_SECRET', () => {
    vi.stubEnv('PAYLOAD_SECRET', '')
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('NEXT_PHASE', '')
    expect(() => derivedSecret('comments')).toThrow(/PAYLOAD_SECRET/)
  })
})

describe('sameSecret', () => {
  it('compares secrets exactly', () => {
    expect(sameSecret('abc', 'abc')).toBe(true)
    expect(sameSecret('abd', 'abc')).toBe(false)
    expect(sameSecret('ab', 'abc')).toBe(false)
    expect(sameSecret(null, 'abc')).toBe(false)
    expect(sameSecret(undefined, 'abc')).toBe(false)
  })
})
