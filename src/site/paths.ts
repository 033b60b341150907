/**
 * A redirect target from a query string: only a path on this site (`/…`), never another origin
 * (`//evil.example`, `/\evil.example`, `https://…`). `undefined` when it is not one.
 */
export function sameSitePath(value: string | null | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return undefined
  try {
    const base = 'http://site.invalid'
    const url = new URL(value, base)
    if (url.origin !== base) return undefined
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return undefined
  }
}

/** Constant-time string comparison for secrets. */
export function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false
  let difference = 0
  for (let i = 0; i < expected.length; i++) difference |= given.charCodeAt(i) ^ expected.charCodeAt(i)
  return difference === 0
}
