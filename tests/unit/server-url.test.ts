import { describe, expect, it } from 'vitest'

import { serverUrl } from '@/lib/serverUrl'

const env = (vars: Record<string, string>): NodeJS.ProcessEnv => vars as NodeJS.ProcessEnv

describe('serverUrl (links in e-mails)', () => {
  it('is the configured public URL, without a trailing slash', () => {
    expect(
      serverUrl(env({ NEXT_PUBLIC_SERVER_URL: 'https://news.example.org/', PORT: '4000' })),
    ).toBe('https://news.example.org')
  })

  it('is this server on the port it runs on when no URL is configured', () => {
    expect(serverUrl(env({ PORT: '4105' }))).toBe('http://localhost:4105')
    expect(serverUrl(env({ NEXT_PUBLIC_SERVER_URL: '  ', PORT: '4105' }))).toBe(
      'http://localhost:4105',
    )
  })

  it('falls back to port 3000, as the server does', () => {
    expect(serverUrl(env({}))).toBe('http://localhost:3000')
  })
})
