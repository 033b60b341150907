import { BlockList, isIP } from 'node:net'

/**
 * Who is the client? For the whole server: the request pipeline stamps the peer, the comment
 * rules and the login limit count per client. Pure functions over header values (no Payload
 * import), plus `trustedProxies()`/`requestClientIp()`, which read `TRUSTED_PROXIES`.
 *
 * `X-Forwarded-For` is written by whoever sends the request, so it only counts when the
 * request came from a trusted proxy (`TRUSTED_PROXIES`). The address of the TCP peer is not
 * visible to Next.js route handlers, so the request pipeline (src/server/pipeline.ts) stamps
 * it on every incoming request as `x-newsroom-peer-ip`, overwriting anything a client sent
 * under that name.
 */

export const PEER_IP_HEADER = 'x-newsroom-peer-ip'
export const DEFAULT_TRUSTED_PROXIES = '127.0.0.1,::1,::ffff:127.0.0.1'
/** The peer of in-process requests (tests, scripts, the Local API): this machine. */
export const LOCAL_PEER = '127.0.0.1'
/** Identity of requests whose client cannot be told apart; they share one rate-limit bucket. */
export const UNKNOWN_CLIENT = 'unknown'

/**
 * A single address in canonical form, or `null` for anything else. Accepts `1.2.3.4:5678`,
 * `[::1]:443`, `fe80::1%eth0`; IPv4-mapped IPv6 (`::ffff:1.2.3.4`) becomes plain IPv4.
 */
export function normalizeIp(value: string | null | undefined): string | null {
  if (!value) return null
  let candidate = value.trim().replace(/^"|"$/g, '')
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(candidate)
  if (bracketed) candidate = bracketed[1]
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(candidate))
    candidate = candidate.slice(0, candidate.lastIndexOf(':'))
  candidate = candidate.replace(/%[\w.-]+$/, '').toLowerCase()
  const version = isIP(candidate)
  if (version === 4) return candidate
  if (version !== 6) return null
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(candidate)
  if (mapped && isIP(mapped[1]) === 4) return mapped[1]
  return canonicalIpv6(candidate)
}

function canonicalIpv6(address: string): string {
  const groups = expandIpv6(address)
  if (!groups) return address
  // Longest run of zero groups becomes '::' (RFC 5952).
  let bestStart = -1
  let bestLength = 0
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > bestLength && j - i > 1) {
      bestStart = i
      bestLength = j - i
    }
    i = j
  }
  const hex = groups.map((group) => group.toString(16))
  if (bestStart < 0) return hex.join(':')
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`
}

/** The eight 16-bit groups of an IPv6 address (with an embedded IPv4 tail resolved). */
function expandIpv6(address: string): number[] | null {
  let text = address
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text)
  if (v4) {
    const bytes = v4[1].split('.').map(Number)
    text = `${text.slice(0, -v4[1].length)}${((bytes[0] << 8) | bytes[1]).toString(16)}:${((bytes[2] << 8) | bytes[3]).toString(16)}`
  }
  const halves = text.split('::')
  if (halves.length > 2) return null
  const head = halves[0] ? halves[0].split(':') : []
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : []
  const missing = 8 - head.length - tail.length
  if (halves.length === 1 && missing !== 0) return null
  const groups = [...head, ...Array(Math.max(0, missing)).fill('0'), ...tail].map((group) =>
    parseInt(group, 16),
  )
  return groups.length === 8 &&
    groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff)
    ? groups
    : null
}

export type TrustedProxies = { has(ip: string): boolean; entries: string[]; invalid: string[] }

/** `TRUSTED_PROXIES`: comma-separated addresses and CIDR ranges, IPv4 or IPv6. */
export function parseTrustedProxies(
  spec: string | null | undefined = DEFAULT_TRUSTED_PROXIES,
): TrustedProxies {
  const list = new BlockList()
  const entries: string[] = []
  const invalid: string[] = []
  for (const raw of (spec ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [addressPart, prefixPart, ...rest] = raw.split('/')
    const address = normalizeIp(addressPart)
    const family = address ? (isIP(address) === 4 ? 'ipv4' : 'ipv6') : null
    const maxPrefix = family === 'ipv4' ? 32 : 128
    const prefix =
      prefixPart === undefined ? maxPrefix : /^\d{1,3}$/.test(prefixPart) ? Number(prefixPart) : NaN
    if (!address || !family || rest.length || !(prefix >= 0 && prefix <= maxPrefix)) {
      invalid.push(raw)
      continue
    }
    if (prefix === maxPrefix) list.addAddress(address, family)
    else list.addSubnet(address, prefix, family)
    entries.push(prefix === maxPrefix ? address : `${address}/${prefix}`)
  }
  return {
    entries,
    invalid,
    has: (ip: string) => {
      const address = normalizeIp(ip)
      if (!address) return false
      return list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6')
    },
  }
}

/**
 * The client's address: the peer itself, unless the peer is a trusted proxy; then the
 * right-most `X-Forwarded-For` entry that is not a trusted proxy (entries further left were
 * written by the client and prove nothing). An unreadable entry where a trusted proxy should
 * have written the next hop stops the walk at that proxy. No peer at all (in-process calls)
 * counts as this machine.
 */
export function resolveClientIp({
  peer,
  forwardedFor,
  trusted,
}: {
  peer: string | null | undefined
  forwardedFor: string | null | undefined
  trusted: TrustedProxies
}): string {
  const peerAddress = peer === undefined || peer === null ? LOCAL_PEER : normalizeIp(peer)
  if (!peerAddress) return UNKNOWN_CLIENT
  if (!trusted.has(peerAddress)) return peerAddress
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  let client = peerAddress
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeIp(hops[i])
    if (!hop) return client
    client = hop
    if (!trusted.has(hop)) return hop
  }
  return client
}

type HeaderSource =
  { get(name: string): string | null } | Record<string, string | string[] | undefined>

const headerValue = (
  headers: HeaderSource | null | undefined,
  name: string,
): string | null | undefined => {
  if (!headers) return undefined
  if (typeof (headers as { get?: unknown }).get === 'function')
    return (headers as { get(name: string): string | null }).get(name)
  const value = (headers as Record<string, string | string[] | undefined>)[name]
  return Array.isArray(value) ? value.join(',') : value
}

/** The client address of a request, from its headers (a `Headers` object or Node's header record). */
export function clientIpFromHeaders(
  headers: HeaderSource | null | undefined,
  trusted: TrustedProxies,
): string {
  const peer = headerValue(headers, PEER_IP_HEADER)
  return resolveClientIp({
    peer: peer ?? undefined,
    forwardedFor: headerValue(headers, 'x-forwarded-for'),
    trusted,
  })
}

/**
 * What the rate limit counts: an IPv4 address, or the /64 network of an IPv6 address (one
 * customer line usually gets a whole /64 and can pick any address in it).
 */
export function rateLimitSubject(ip: string): string {
  const address = normalizeIp(ip)
  if (!address) return ip || UNKNOWN_CLIENT
  if (isIP(address) === 4) return address
  const groups = expandIpv6(address)
  return groups
    ? `${groups
        .slice(0, 4)
        .map((group) => group.toString(16))
        .join(':')}::/64`
    : address
}

let trustedCache: { spec: string | undefined; value: TrustedProxies } | undefined

/** `TRUSTED_PROXIES` (comma-separated IPs/CIDRs), default loopback only. */
export function trustedProxies(
  env: Record<string, string | undefined> = process.env,
): TrustedProxies {
  const spec = env.TRUSTED_PROXIES
  if (trustedCache?.spec !== spec || !trustedCache) {
    const value = parseTrustedProxies(spec?.trim() ? spec : DEFAULT_TRUSTED_PROXIES)
    if (value.invalid.length)
      console.warn(`[newsroom] TRUSTED_PROXIES: ignoring ${value.invalid.join(', ')}`)
    trustedCache = { spec, value }
  }
  return trustedCache.value
}

/** The client address of a request (peer, or forwarded by a `TRUSTED_PROXIES` proxy). */
export const requestClientIp = (headers: HeaderSource | null | undefined) =>
  clientIpFromHeaders(headers, trustedProxies())
