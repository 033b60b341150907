import { derivedSecret } from '@/lib/secret'

import {
  clientIpFromHeaders,
  DEFAULT_TRUSTED_PROXIES,
  parseTrustedProxies,
  type TrustedProxies,
} from './clientIp'
import { createFormToken } from './formToken'

/**
 * Environment-bound helpers around the pure comment modules, for the collection hooks and for
 * the site's comment form (server side only: they use the secret).
 *
 * The site's form renders `commentFormToken()` into a hidden `formToken` input, keeps an empty
 * honeypot input `website`, and its server action forwards the reader's address — `readerIp(
 * await headers())` — as `X-Forwarded-For` when it calls GraphQL `createComment`.
 */

let trusted: { spec: string | undefined; value: TrustedProxies } | undefined

/** `TRUSTED_PROXIES` (comma-separated IPs/CIDRs), default loopback only. */
export function trustedProxies(
  env: Record<string, string | undefined> = process.env,
): TrustedProxies {
  const spec = env.TRUSTED_PROXIES
  if (trusted?.spec !== spec || !trusted) {
    const value = parseTrustedProxies(spec?.trim() ? spec : DEFAULT_TRUSTED_PROXIES)
    if (value.invalid.length)
      console.warn(`[comments] TRUSTED_PROXIES: ignoring ${value.invalid.join(', ')}`)
    trusted = { spec, value }
  }
  return trusted.value
}

export const formTokenSecret = () => derivedSecret('comment-form')
export const ipHashSecret = () => derivedSecret('comment-ip')

/** The value of the comment form's hidden `formToken` field, made when the form is rendered. */
export const commentFormToken = (now = Date.now()) => createFormToken(now, formTokenSecret())

/** The reader's address as the comment rules see it (peer, or forwarded by a trusted proxy). */
export const readerIp = (headers: Parameters<typeof clientIpFromHeaders>[0]) =>
  clientIpFromHeaders(headers, trustedProxies())
