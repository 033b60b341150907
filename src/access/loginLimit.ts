import { createHmac, pbkdf2, randomBytes } from 'node:crypto'

import type { Redis } from 'ioredis'
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible'

import { redisKeyPrefix, redisUrl, sharedRedis } from '@/lib/redis'

/**
 * Login limits (#15), for every way in (admin, REST, GraphQL, Local API):
 *
 * - per client address: `perAddress.points` failed logins in `perAddress.duration` seconds, then
 *   every login from that address is refused with 429 until the window ends. This is what
 *   stops guessing; it says nothing about any account.
 * - per account (the e-mail address as typed, whether an account exists or not):
 *   `perAccount.points` failed logins, from anywhere, then further attempts are answered exactly
 *   like a wrong password, correct password or not, so a lockout never shows. Admin accounts
 *   are exempt: strangers must not be able to lock the newsroom's admins out; the address limit
 *   still applies to them.
 *
 * Attempts are counted when they start and given back when they succeed, so only failures
 * count (and parallel guesses cannot slip past the limit). The counters live in this process
 * (RateLimiterMemory), or in Redis when `REDIS_URL` is set, shared by all instances; when Redis
 * does not answer, each process falls back to its own memory.
 */

export type LoginLimits = {
  perAddress: { points: number; duration: number }
  perAccount: { points: number; duration: number }
}

export const LOGIN_LIMITS: LoginLimits = {
  perAddress: { points: 10, duration: 15 * 60 },
  perAccount: { points: 5, duration: 10 * 60 },
}

export type AddressDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export type LoginLimiter = {
  /** Counts a login attempt from this client (see rateLimitSubject). */
  attemptFromAddress(subject: string): Promise<AddressDecision>
  /** Counts a login attempt on this account key; false when it is over its limit. */
  attemptOnAccount(accountKey: string): Promise<boolean>
  /** A login succeeded: its attempt does not count, and the account starts afresh. */
  succeeded(subject: string, accountKey: string | null): Promise<void>
}

const secondsUntil = (result: RateLimiterRes) => Math.max(1, Math.ceil(result.msBeforeNext / 1000))

async function consume(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes | null> {
  try {
    await limiter.consume(key)
    return null
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection
    // The store failed and had no fallback: never lock anyone out because of it.
    console.error('[login-limit] counter unavailable:', rejection)
    return null
  }
}

export function createLoginLimiter({
  limits = LOGIN_LIMITS,
  redis,
  prefix = 'login',
}: { limits?: LoginLimits; redis?: Redis | null; prefix?: string } = {}): LoginLimiter {
  const make = (
    name: string,
    { points, duration }: { points: number; duration: number },
  ): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix: `${prefix}:${name}`, points, duration })
    if (!redis) return memory
    return new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:${name}`,
      points,
      duration,
      insuranceLimiter: memory,
    })
  }
  const byAddress = make('address', limits.perAddress)
  const byAccount = make('account', limits.perAccount)
  return {
    async attemptFromAddress(subject) {
      const refused = await consume(byAddress, subject)
      return refused
        ? { allowed: false, retryAfterSeconds: secondsUntil(refused) }
        : { allowed: true }
    },
    async attemptOnAccount(accountKey) {
      return !(await consume(byAccount, accountKey))
    },
    async succeeded(subject, accountKey) {
      await Promise.all([
        byAddress.reward(subject).catch(() => undefined),
        accountKey ? byAccount.delete(accountKey).catch(() => undefined) : undefined,
      ])
    },
  }
}

let shared: { url: string | null; limiter: LoginLimiter } | undefined

/**
 * The process's limiter: in Redis when `REDIS_URL` is set (the process's command connection,
 * keys under `REDIS_KEY_PREFIX`), in memory otherwise.
 */
export function loginLimiter(): LoginLimiter {
  const url = redisUrl()
  if (!shared || shared.url !== url) {
    const limiter = createLoginLimiter({ redis: sharedRedis(), prefix: `${redisKeyPrefix()}login` })
    shared = { url, limiter }
  }
  return shared.limiter
}

/** The account's counter key: a keyed hash of the normalized e-mail (no addresses in Redis). */
export function accountKey(email: string, secret: string): string {
  return createHmac('sha256', secret)
    .update(`login-account:${email.trim().toLowerCase()}`)
    .digest('hex')
    .slice(0, 32)
}

// The cost of Payload's password check (pbkdf2-sha256, 600,000 iterations, 32 bytes), so a
// refused or unknown account takes as long as a wrong password.
const DUMMY_SALT = randomBytes(32).toString('hex')
const PASSWORD_HASH_ITERATIONS = 600_000

export function dummyPasswordCheck(password: unknown): Promise<void> {
  const text = typeof password === 'string' ? password : ''
  return new Promise((resolve) =>
    pbkdf2(text, DUMMY_SALT, PASSWORD_HASH_ITERATIONS, 32, 'sha256', () => resolve()),
  )
}
