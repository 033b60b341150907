import { describe, expect, it } from 'vitest'

import { trustedOrigins } from '@/lib/trustedOrigins'

const env = (vars: Record<string, string>): NodeJS.ProcessEnv => vars as NodeJS.ProcessEnv

describe('trustedOrigins (Payload csrf and cors)', () => {
  it('is the origin of NEXT_PUBLIC_SERVER_URL, without path or slash', () => {
    expect(
      trustedOrigins(
        env({ NODE_ENV: 'production', NEXT_PUBLIC_SERVER_URL: 'https://news.example.org/' }),
      ),
    ).toEqual(['https://news.example.org'])
    expect(trustedOrigins(env({ NEXT_PUBLIC_SERVER_URL: 'http://localhost:4101/admin' }))).toEqual([
      'http://localhost:4101',
    ])
  })

  it('adds SITE_URL when the site has its own origin', () => {
    expect(
      trustedOrigins(
        env({
          NEXT_PUBLIC_SERVER_URL: 'https://cms.example.org',
          SITE_URL: 'https://www.example.org',
        }),
      ),
    ).toEqual(['https://cms.example.org', 'https://www.example.org'])
  })

  it('refuses to start production without NEXT_PUBLIC_SERVER_URL, naming the variable', () => {
    expect(() => trustedOrigins(env({ NODE_ENV: 'production' }))).toThrow(
      /NEXT_PUBLIC_SERVER_URL is not set/,
    )
    expect(() =>
      trustedOrigins(env({ NODE_ENV: 'production', NEXT_PUBLIC_SERVER_URL: '  ' })),
    ).toThrow(/NEXT_PUBLIC_SERVER_URL/)
  })

  it('refuses a value that is not an http(s) URL', () => {
    expect(() => trustedOrigins(env({ NEXT_PUBLIC_SERVER_URL: 'news.example.org' }))).toThrow(
      /not a URL/,
    )
    expect(() => trustedOrigins(env({ NEXT_PUBLIC_SERVER_URL: 'ftp://news.example.org' }))).toThrow(
      /http\(s\)/,
    )
  })

  it('is never empty: development and the build fall back to this machine', () => {
    expect(trustedOrigins(env({ NODE_ENV: 'development', PORT: '4000' }))).toEqual([
      'http://localhost:4000',
      'http://127.0.0.1:4000',
    ])
    expect(
      trustedOrigins(env({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })),
    ).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000'])
  })
})
