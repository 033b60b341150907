import { createHash, createHmac } from 'node:crypto'

/**
 * `PAYLOAD_SECRET` signs sessions and keys comment IP hashes. Production refuses to start
 * without one; development derives a stable per-checkout secret and says so.
 */
export function resolvePayloadSecret(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): string {
  const secret = env.PAYLOAD_SECRET?.trim()
  if (secret) return secret
  if (env.NODE_ENV === 'production' && env.NEXT_PHASE !== 'phase-production-build') {
    throw new Error(
      'PAYLOAD_SECRET is not set. Production needs a long random secret, e.g. `openssl rand -hex 32`.',
    )
  }
  const generated = createHash('sha256').update(`newsroom-dev-secret:${cwd}`).digest('hex')
  // Once per start, not once per process: `next build` and Next's workers are child processes,
  // which inherit the environment variable (and would each print the notice again).
  if (!globalThis.__newsroomSecretNoticeShown && process.env[SECRET_NOTICE_SHOWN] !== '1') {
    globalThis.__newsroomSecretNoticeShown = true
    process.env[SECRET_NOTICE_SHOWN] = '1'
    console.warn('[newsroom] PAYLOAD_SECRET is not set; using a generated development secret.')
  }
  return generated
}

/** Set in the environment once the notice has been shown, so child processes stay quiet. */
export const SECRET_NOTICE_SHOWN = 'NEWSROOM_SECRET_NOTICE_SHOWN'

declare global {
  var __newsroomSecretNoticeShown: boolean | undefined
}

const derived = new Map<string, string>()

/** A purpose-bound secret derived from `PAYLOAD_SECRET`, safe to hand out without revealing it. */
export function derivedSecret(purpose: string): string {
  const secret = resolvePayloadSecret()
  // Asked for on every comment post; remembered per secret, so a changed environment still counts.
  const key = `${purpose}\0${secret}`
  let value = derived.get(key)
  if (value === undefined) {
    value = createHmac('sha256', secret).update(`newsroom:${purpose}`).digest('hex').slice(0, 40)
    derived.set(key, value)
  }
  return value
}

/** Constant-time string comparison for secrets. */
export function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false
  let difference = 0
  for (let i = 0; i < expected.length; i++)
    difference |= given.charCodeAt(i) ^ expected.charCodeAt(i)
  return difference === 0
}
