import { describe, expect, it } from 'vitest'

import { responseCacheSettings } from '@/lib/responseCache/handler'

describe('response cache settings', () => {
  it('is on in production only, unless RESPONSE_CACHE turns it off', () => {
    expect(responseCacheSettings({ NODE_ENV: 'production' }).enabled).toBe(true)
    expect(responseCacheSettings({ NODE_ENV: 'development' }).enabled).toBe(false)
    expect(responseCacheSettings({ NODE_ENV: 'test' }).enabled).toBe(false)
    for (const off of ['off', 'false', '0', 'OFF'])
      expect(responseCacheSettings({ NODE_ENV: 'production', RESPONSE_CACHE: off }).enabled).toBe(
        false,
      )
    expect(responseCacheSettings({ NODE_ENV: 'production', RESPONSE_CACHE: 'on' }).enabled).toBe(
      true,
    )
  })

  it('takes its memory budget from RESPONSE_CACHE_MAX_MB, 64 MB by default', () => {
    expect(responseCacheSettings({}).maxBytes).toBe(64 * 2 ** 20)
    expect(responseCacheSettings({ RESPONSE_CACHE_MAX_MB: '16' }).maxBytes).toBe(16 * 2 ** 20)
    expect(responseCacheSettings({ RESPONSE_CACHE_MAX_MB: 'viel' }).maxBytes).toBe(64 * 2 ** 20)
    expect(responseCacheSettings({ RESPONSE_CACHE_MAX_MB: '-1' }).maxBytes).toBe(64 * 2 ** 20)
  })
})
