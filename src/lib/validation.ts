/** Returns an error message, or `true` when the value is an absolute http(s) URL (or empty). */
export function validateHttpUrl(value: string | null | undefined): string | true {
  if (value === null || value === undefined || value === '') return true
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'Bitte eine vollständige URL angeben, z. B. https://apnews.com'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return 'Nur http- und https-Adressen sind erlaubt.'
  }
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
    return 'Die URL braucht einen vollständigen Hostnamen.'
  }
  return true
}

// Deliberately conservative: one @, no spaces, a dot in the domain, sane lengths.
// The one e-mail check of the code base: the comment rules (src/comments/policy.ts) and the
// comments' `authorEmail` field both use it.
const EMAIL_PATTERN = /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[a-z]{2,}$/i

export function isValidEmail(value: string | null | undefined): boolean {
  if (!value || value.length > 254) return false
  const email = value.trim()
  if (/\.\.|^\.|\.@|@\./.test(email)) return false
  return EMAIL_PATTERN.test(email)
}
