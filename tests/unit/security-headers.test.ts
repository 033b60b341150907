import { describe, expect, it } from 'vitest'

import {
  cameOverHttps,
  contentSecurityPolicy,
  pageKind,
  securityHeaders,
} from '@/lib/http/securityHeaders'

const directive = (csp: string, name: string) =>
  csp.split('; ').find((part) => part.startsWith(`${name} `))

describe('pageKind', () => {
  it('tells site pages, the admin and API answers apart', () => {
    expect(['/', '/seite/2', '/artikel/x', '/administrator', '/apikey'].map(pageKind)).toEqual([
      'site',
      'site',
      'site',
      'site',
      'site',
    ])
    expect(['/admin', '/admin/collections/articles'].map(pageKind)).toEqual(['admin', 'admin'])
    expect(
      ['/api/graphql', '/api/images/file/a.svg', '/feed.xml', '/sitemap.xml'].map(pageKind),
    ).toEqual(['api', 'api', 'api', 'api'])
  })
})

describe('contentSecurityPolicy', () => {
  it('site: own scripts only (inline for Next.js), no plugins, own base, forms and framers', () => {
    const csp = contentSecurityPolicy('site')
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'unsafe-inline'")
    expect(directive(csp, 'object-src')).toBe("object-src 'none'")
    expect(directive(csp, 'base-uri')).toBe("base-uri 'self'")
    expect(directive(csp, 'form-action')).toBe("form-action 'self'")
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'self'")
    expect(csp).not.toContain('unsafe-eval')
  })

  it('admin: never framed; frames the site for live preview', () => {
    const csp = contentSecurityPolicy('admin', { previewOrigins: ['https://www.example.org'] })
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'")
    expect(directive(csp, 'frame-src')).toBe("frame-src 'self' https://www.example.org")
  })

  it('API answers and files: nothing runs, nothing frames them', () => {
    expect(contentSecurityPolicy('api')).toBe("default-src 'none'; frame-ancestors 'none'")
  })

  it('development adds eval and the dev WebSocket only', () => {
    const csp = contentSecurityPolicy('site', { dev: true })
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'unsafe-inline' 'unsafe-eval'")
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' ws: wss:")
  })
})

describe('securityHeaders', () => {
  it('sends framing, nosniff and referrer policy everywhere; HSTS only over https', () => {
    expect(securityHeaders('/artikel/x')).toMatchObject({
      'X-Frame-Options': 'SAMEORIGIN',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    })
    expect(securityHeaders('/admin')['X-Frame-Options']).toBe('DENY')
    expect(securityHeaders('/api/graphql')).not.toHaveProperty('Strict-Transport-Security')
    expect(securityHeaders('/api/graphql', { https: true })['Strict-Transport-Security']).toMatch(
      /^max-age=31536000/,
    )
  })
})

describe('cameOverHttps', () => {
  const plain = {
    encrypted: false,
    fromTrustedProxy: false,
    forwardedProto: undefined,
    publicUrl: undefined,
  }
  it('believes X-Forwarded-Proto only from a trusted proxy', () => {
    expect(cameOverHttps({ ...plain, forwardedProto: 'https' })).toBe(false)
    expect(cameOverHttps({ ...plain, fromTrustedProxy: true, forwardedProto: 'https' })).toBe(true)
    expect(cameOverHttps({ ...plain, fromTrustedProxy: true, forwardedProto: 'http' })).toBe(false)
    expect(cameOverHttps({ ...plain, fromTrustedProxy: true, forwardedProto: 'HTTPS, http' })).toBe(
      true,
    )
  })
  it('is true for TLS sockets and for an https public URL', () => {
    expect(cameOverHttps({ ...plain, encrypted: true })).toBe(true)
    expect(cameOverHttps({ ...plain, publicUrl: 'https://news.example.org' })).toBe(true)
    expect(cameOverHttps({ ...plain, publicUrl: 'http://localhost:3000' })).toBe(false)
  })
})
