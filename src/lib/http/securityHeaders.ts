/**
 * Security headers for every answer of this app (#15), set by the request pipeline
 * (src/server/pipeline.ts) before the response cache, the API fast path or Next.js answer, so
 * replayed and fast-path answers carry them as well. Pure: no Payload or Next import.
 *
 * Content-Security-Policy, by what is answered:
 * - site pages: scripts and styles from this origin. Next.js's App Router writes its page data
 *   as inline scripts (`self.__next_f.push(…)`) that differ on every page, and a per-request
 *   nonce would be repeated by the anonymous response cache, so inline scripts stay allowed
 *   (Payload's admin does not render without them either);
 *   what the policy buys is no foreign script, no plugins, no <base> hijack, forms only to this
 *   origin, framing only by this origin (the admin's live preview).
 * - the admin (`/admin`): the same for Payload's admin, which also uses blob: workers and
 *   frames the site for live preview; nobody may frame the admin.
 * - API answers, files and feeds (`/api`, `/feed.xml`, …): nothing may run or be framed
 *   (`default-src 'none'`), which also defuses an uploaded SVG or HTML opened directly.
 *
 * HSTS only for requests that came over https (see `cameOverHttps`).
 */
export type PageKind = 'site' | 'admin' | 'api'

export type SecurityHeaderOptions = {
  /** Development: React and Next's dev tooling need eval and a WebSocket. */
  dev?: boolean
  https?: boolean
  /** Further origins the admin may frame for live preview (SITE_URL when it differs). */
  previewOrigins?: string[]
}

const HSTS = 'max-age=31536000; includeSubDomains'

export function pageKind(pathname: string): PageKind {
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return 'admin'
  if (pathname === '/api' || pathname.startsWith('/api/')) return 'api'
  if (/^\/(?:feed\.xml|sitemap\.xml|robots\.txt)$/.test(pathname)) return 'api'
  return 'site'
}

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ')

export function contentSecurityPolicy(
  kind: PageKind,
  { dev = false, previewOrigins = [] }: SecurityHeaderOptions = {},
): string {
  if (kind === 'api') return policy({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] })
  const scripts = ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])]
  return policy({
    'default-src': ["'self'"],
    'script-src': scripts,
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(dev ? ['ws:', 'wss:'] : [])],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'", ...(kind === 'admin' ? previewOrigins : [])],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': [kind === 'admin' ? "'none'" : "'self'"],
  })
}

export function securityHeaders(
  pathname: string,
  options: SecurityHeaderOptions = {},
): Record<string, string> {
  const kind = pageKind(pathname)
  return {
    'Content-Security-Policy': contentSecurityPolicy(kind, options),
    'X-Frame-Options': kind === 'site' ? 'SAMEORIGIN' : 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    ...(options.https ? { 'Strict-Transport-Security': HSTS } : {}),
  }
}

/**
 * `securityHeaders` for one server's options, computed once per page kind and scheme (names in
 * lower case): the pipeline sends them with every answer, cache hits included.
 */
export function securityHeadersFor(
  options: Omit<SecurityHeaderOptions, 'https'>,
): (pathname: string, https: boolean) => [string, string][] {
  const computed = new Map<string, [string, string][]>()
  return (pathname, https) => {
    const key = `${pageKind(pathname)}:${https}`
    let entries = computed.get(key)
    if (!entries) {
      entries = Object.entries(securityHeaders(pathname, { ...options, https })).map(
        ([name, value]): [string, string] => [name.toLowerCase(), value],
      )
      computed.set(key, entries)
    }
    return entries
  }
}

/**
 * Did the client reach us over https, so HSTS is sent? Directly (TLS socket), through a
 * `TRUSTED_PROXIES` address that says so (`X-Forwarded-Proto`, first hop; the pipeline passes
 * `fromTrustedProxy`), or the public URL (`NEXT_PUBLIC_SERVER_URL`) is https anyway (then every
 * client reaches it over https, whatever the proxy forwards).
 */
export function cameOverHttps({
  encrypted,
  fromTrustedProxy,
  forwardedProto,
  publicUrl,
}: {
  encrypted: boolean
  fromTrustedProxy: boolean
  forwardedProto: string | string[] | undefined
  publicUrl: string | undefined
}): boolean {
  if (encrypted) return true
  if (publicUrl?.trim().toLowerCase().startsWith('https://')) return true
  const proto = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto)
    ?.split(',')[0]
    ?.trim()
    .toLowerCase()
  return fromTrustedProxy && proto === 'https'
}
