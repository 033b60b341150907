/**
 * The origins the newsroom is served from, for Payload's `csrf` and `cors` lists: a browser
 * request that carries the login cookie counts as signed in only when its `Origin` is one of
 * these. Payload lets every origin through when the list is empty, so production refuses to
 * start without `NEXT_PUBLIC_SERVER_URL`; development falls back to this machine's addresses.
 *
 * Reads a passed `env` (not `process.env.NEXT_PUBLIC_…` directly, which Next.js would replace
 * by its build-time value), so the running server's setting counts.
 */
export function trustedOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const origins = new Set<string>()
  const serverUrl = env.NEXT_PUBLIC_SERVER_URL?.trim()
  if (serverUrl) origins.add(originOf('NEXT_PUBLIC_SERVER_URL', serverUrl))
  else if (env.NODE_ENV === 'production' && env.NEXT_PHASE !== 'phase-production-build') {
    throw new Error(
      'NEXT_PUBLIC_SERVER_URL is not set. Production needs the public origin of the newsroom ' +
        '(e.g. https://news.example.org): only requests from it may write with the login cookie.',
    )
  } else {
    const port = env.PORT?.trim() || '3000'
    origins.add(`http://localhost:${port}`)
    origins.add(`http://127.0.0.1:${port}`)
  }
  const siteUrl = env.SITE_URL?.trim()
  if (siteUrl) origins.add(originOf('SITE_URL', siteUrl))
  return [...origins]
}

function originOf(name: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`${name} is not a URL: "${value}". Expected e.g. https://news.example.org`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${name} must be an http(s) URL, not "${value}".`)
  }
  return url.origin
}
