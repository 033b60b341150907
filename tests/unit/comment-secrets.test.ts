import { describe, expect, it } from 'vitest'

import { hashClientIp } from '@/comments/secrets'

describe('hashClientIp', () => {
  it('hashes with the secret: stable, distinct, not the address', () => {
    const hash = hashClientIp('203.0.113.9', 'secret-a')
    expect(hash).toMatch(/^[0-9a-f]{32}$/)
    expect(hash).toBe(hashClientIp('203.0.113.9', 'secret-a'))
    expect(hash).not.toBe(hashClientIp('203.0.113.9', 'secret-b'))
    expect(hash).not.toBe(hashClientIp('203.0.113.10', 'secret-a'))
    expect(hash).not.toContain('203')
  })
})
