import { describe, expect, it } from 'vitest'

import { isValidEmail, validateHttpUrl } from '@/lib/validation'

const NOT_A_URL = 'Bitte eine vollständige URL angeben, z. B. https://apnews.com'
const WRONG_SCHEME = 'Nur http- und https-Adressen sind erlaubt.'
const NO_FULL_HOST = 'Die URL braucht einen vollständigen Hostnamen.'

describe('validateHttpUrl', () => {
  it.each([
    ['https://apnews.com'],
    ['http://apnews.com'],
    ['https://www.tagesschau.de/inland/artikel-123.html?ref=rss#kommentare'],
    ['HTTPS://APNEWS.COM/'],
    ['https://sub.domain.example.co.uk:8443/path'],
    ['http://localhost'],
    ['http://localhost:3000/admin'],
    ['http://127.0.0.1:8080'],
    ['https://user@example.org/'],
  ])('accepts %j', (value) => {
    expect(validateHttpUrl(value)).toBe(true)
  })

  it.each([[''], [null], [undefined]])('accepts the empty value %j', (value) => {
    expect(validateHttpUrl(value)).toBe(true)
  })

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(document.cookie)'],
    ['ftp://x.org'],
    ['mailto:'],
    ['mailto:redaktion@example.de'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
  ])('rejects the non-http scheme %j', (value) => {
    expect(validateHttpUrl(value)).toBe(WRONG_SCHEME)
  })

  it.each([
    ['apnews.com'],
    ['www.apnews.com/artikel'],
    ['/relative/path'],
    ['http://'],
    ['https:// apnews.com'],
    ['   '],
    ['not a url'],
  ])('rejects %j, which is not an absolute URL', (value) => {
    expect(validateHttpUrl(value)).toBe(NOT_A_URL)
  })

  it.each([['http://intranet'], ['https://server/path'], ['http://[::1]:3000']])(
    'rejects %j, which has no dotted host',
    (value) => {
      expect(validateHttpUrl(value)).toBe(NO_FULL_HOST)
    },
  )

  it('returns German messages as strings, never false', () => {
    for (const value of [
      'javascript:alert(1)',
      'ftp://x.org',
      'mailto:',
      'apnews.com',
      'http://intranet',
    ]) {
      const result = validateHttpUrl(value)
      expect(typeof result).toBe('string')
      expect(result).not.toBe('')
    }
    expect(validateHttpUrl('apnews.com')).toMatch(/vollständige URL/)
    expect(validateHttpUrl('ftp://x.org')).toMatch(/http- und https-Adressen/)
    expect(validateHttpUrl('http://intranet')).toMatch(/Hostnamen/)
  })
})

describe('isValidEmail', () => {
  it.each([
    ['redaktion@example.de'],
    ['Vorname.Nachname@example.com'],
    ['a.b+tag@sub.example.co.uk'],
    ['user_name-1@mail-server.info'],
    ['x@y.io'],
    ['  redaktion@example.de  '],
  ])('accepts %j', (value) => {
    expect(isValidEmail(value)).toBe(true)
  })

  it.each([
    ['', 'empty'],
    ['with space@example.de', 'space in local part'],
    ['user@exam ple.de', 'space in domain'],
    ['user@example.de extra', 'trailing word'],
    ['userexample.de', 'missing @'],
    ['@example.de', 'missing local part'],
    ['user@', 'missing domain'],
    ['user@example', 'missing TLD'],
    ['user@example.', 'empty TLD'],
    ['user@example.d', 'one-letter TLD'],
    ['user@example.123', 'numeric TLD'],
    ['user@.de', 'empty domain label'],
    ['a@b@example.de', 'two @'],
    ['<script>@example.de', 'angle brackets in local part'],
    ['user@example.de<script>', 'angle brackets after the domain'],
    ['"user"@example.de', 'quotes'],
    ['user(comment)@example.de', 'parentheses'],
    ['a,b@example.de', 'comma'],
    ['a;b@example.de', 'semicolon'],
    ['a:b@example.de', 'colon'],
    ['a\\b@example.de', 'backslash'],
    ['a[b]@example.de', 'square brackets'],
  ])('rejects %j (%s)', (value) => {
    expect(isValidEmail(value)).toBe(false)
  })

  it.each([[null], [undefined]])('rejects %j', (value) => {
    expect(isValidEmail(value)).toBe(false)
  })

  it('accepts 254 characters and rejects 255', () => {
    const local = 'a'.repeat(64)
    const at254 = `${local}@${'b'.repeat(185)}.com`
    const at255 = `${local}@${'b'.repeat(186)}.com`
    expect(at254).toHaveLength(254)
    expect(at255).toHaveLength(255)
    expect(isValidEmail(at254)).toBe(true)
    expect(isValidEmail(at255)).toBe(false)
  })

  it('rejects a very long address', () => {
    expect(isValidEmail(`${'a'.repeat(1000)}@example.de`)).toBe(false)
  })
})
