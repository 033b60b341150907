import { randomUUID } from 'node:crypto'

import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'

import { accountKey, createLoginLimiter } from '@/access/loginLimit'

const limits = { perAddress: { points: 3, duration: 60 }, perAccount: { points: 2, duration: 60 } }

describe('createLoginLimiter (in memory)', () => {
  it('refuses an address after its failures, with the seconds to wait', async () => {
    const limiter = createLoginLimiter({ limits })
    for (let i = 0; i < 3; i++)
      expect(await limiter.attemptFromAddress('203.0.113.1')).toEqual({ allowed: true })
    const refused = await limiter.attemptFromAddress('203.0.113.1')
    expect(refused.allowed).toBe(false)
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(50)
    expect(await limiter.attemptFromAddress('203.0.113.2')).toEqual({ allowed: true })
  })

  it('counts only failures: a success gives its attempt back and clears the account', async () => {
    const limiter = createLoginLimiter({ limits })
    for (let i = 0; i < 10; i++) {
      expect(await limiter.attemptFromAddress('203.0.113.3')).toEqual({ allowed: true })
      expect(await limiter.attemptOnAccount('account')).toBe(true)
      await limiter.succeeded('203.0.113.3', 'account')
    }
    expect(await limiter.attemptOnAccount('account')).toBe(true)
    expect(await limiter.attemptOnAccount('account')).toBe(true)
    expect(await limiter.attemptOnAccount('account')).toBe(false)
  })
})

describe('accountKey', () => {
  it('is the same for one address however it is typed, and hides it', () => {
    expect(accountKey(' Editor@Newsroom.test ', 's')).toBe(accountKey('editor@newsroom.test', 's'))
    expect(accountKey('editor@newsroom.test', 's')).not.toContain('editor')
    expect(accountKey('editor@newsroom.test', 's')).not.toBe(
      accountKey('editor@newsroom.test', 't'),
    )
  })
})

describe('createLoginLimiter with Redis (REDIS_URL)', () => {
  const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
  const clients = [new Redis(url), new Redis(url)]
  afterAll(() => clients.forEach((client) => client.disconnect()))

  it('shares the counters between instances', async () => {
    const prefix = `login-test-${randomUUID()}`
    const [one, two] = clients.map((redis) => createLoginLimiter({ limits, redis, prefix }))
    expect(await one.attemptFromAddress('203.0.113.9')).toEqual({ allowed: true })
    expect(await two.attemptFromAddress('203.0.113.9')).toEqual({ allowed: true })
    expect(await one.attemptFromAddress('203.0.113.9')).toEqual({ allowed: true })
    expect((await two.attemptFromAddress('203.0.113.9')).allowed).toBe(false)
    expect(await clients[0].exists(`${prefix}:address:203.0.113.9`)).toBe(1)
  })
})
