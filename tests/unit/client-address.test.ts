import { describe, expect, it } from 'vitest'

import {
  clientIpFromHeaders,
  DEFAULT_TRUSTED_PROXIES,
  LOCAL_PEER,
  normalizeIp,
  parseTrustedProxies,
  PEER_IP_HEADER,
  rateLimitSubject,
  resolveClientIp,
  UNKNOWN_CLIENT,
} from '@/lib/http/clientAddress'

const loopback = parseTrustedProxies(DEFAULT_TRUSTED_PROXIES)
const behindProxies = parseTrustedProxies('127.0.0.1,::1,10.0.0.0/8,2001:db8:ffff::/48')

describe('normalizeIp', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:127.0.0.1', '127.0.0.1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['"198.51.100.1"', '198.51.100.1'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeIp(input)).toBe(expected)
  })

  it.each([
    '',
    'unknown',
    '999.1.1.1',
    '1.2.3',
    'example.com',
    '1.2.3.4, 5.6.7.8',
    '::ffff:999.1.1.1',
    '<script>',
    'gggg::1',
  ])('rejects %j', (input) => {
    expect(normalizeIp(input)).toBeNull()
  })
})

describe('parseTrustedProxies', () => {
  it('reads addresses and CIDR ranges of both families and reports the rest', () => {
    const trusted = parseTrustedProxies(
      '127.0.0.1, 10.0.0.0/8, 2001:db8::/32, bogus, 10.0.0.0/33, 1.2.3.4/8/9',
    )
    expect(trusted.entries).toEqual(['127.0.0.1', '10.0.0.0/8', '2001:db8::/32'])
    expect(trusted.invalid).toEqual(['bogus', '10.0.0.0/33', '1.2.3.4/8/9'])
    expect(trusted.has('10.200.3.4')).toBe(true)
    expect(trusted.has('11.0.0.1')).toBe(false)
    expect(trusted.has('2001:db8:1234::9')).toBe(true)
    expect(trusted.has('2001:db9::1')).toBe(false)
    expect(trusted.has('::ffff:10.1.1.1')).toBe(true)
    expect(trusted.has('garbage')).toBe(false)
  })

  it('trusts only loopback by default', () => {
    expect(loopback.has('127.0.0.1')).toBe(true)
    expect(loopback.has('::1')).toBe(true)
    expect(loopback.has('::ffff:127.0.0.1')).toBe(true)
    expect(loopback.has('127.0.0.2')).toBe(false)
    expect(loopback.has('10.0.0.1')).toBe(false)
  })

  it('an empty list trusts nobody', () => {
    const none = parseTrustedProxies('')
    expect(none.has('127.0.0.1')).toBe(false)
    expect(resolveClientIp({ peer: '127.0.0.1', forwardedFor: '203.0.113.9', trusted: none })).toBe(
      '127.0.0.1',
    )
  })
})

describe('resolveClientIp', () => {
  it('uses the peer when it is not a trusted proxy, whatever X-Forwarded-For claims', () => {
    expect(
      resolveClientIp({ peer: '198.51.100.23', forwardedFor: '1.2.3.4', trusted: loopback }),
    ).toBe('198.51.100.23')
    expect(
      resolveClientIp({ peer: '198.51.100.23', forwardedFor: '127.0.0.1', trusted: loopback }),
    ).toBe('198.51.100.23')
    expect(resolveClientIp({ peer: '198.51.100.23', forwardedFor: null, trusted: loopback })).toBe(
      '198.51.100.23',
    )
  })

  it('takes the right-most untrusted hop behind trusted proxies', () => {
    expect(
      resolveClientIp({ peer: '127.0.0.1', forwardedFor: '203.0.113.9', trusted: loopback }),
    ).toBe('203.0.113.9')
    // A client-made first entry is ignored: the proxy appended the real address.
    expect(
      resolveClientIp({
        peer: '127.0.0.1',
        forwardedFor: '6.6.6.6, 203.0.113.9',
        trusted: loopback,
      }),
    ).toBe('203.0.113.9')
    // A chain through two trusted proxies.
    expect(
      resolveClientIp({
        peer: '10.0.0.2',
        forwardedFor: '9.9.9.9, 203.0.113.9, 10.0.0.1',
        trusted: behindProxies,
      }),
    ).toBe('203.0.113.9')
    expect(
      resolveClientIp({
        peer: '::1',
        forwardedFor: '2001:db8::99, 2001:db8:ffff::5',
        trusted: behindProxies,
      }),
    ).toBe('2001:db8::99')
  })

  it('stops at the last trusted hop when the next entry is garbage', () => {
    expect(
      resolveClientIp({
        peer: '10.0.0.2',
        forwardedFor: '203.0.113.9, unknown, 10.0.0.1',
        trusted: behindProxies,
      }),
    ).toBe('10.0.0.1')
    expect(resolveClientIp({ peer: '127.0.0.1', forwardedFor: 'garbage', trusted: loopback })).toBe(
      '127.0.0.1',
    )
  })

  it('handles IPv6 clients, ports and mapped addresses', () => {
    expect(
      resolveClientIp({
        peer: '::ffff:127.0.0.1',
        forwardedFor: '[2001:db8::77]:5555',
        trusted: loopback,
      }),
    ).toBe('2001:db8::77')
    expect(
      resolveClientIp({ peer: '2001:db8::1', forwardedFor: '5.5.5.5', trusted: loopback }),
    ).toBe('2001:db8::1')
    expect(
      resolveClientIp({ peer: '::ffff:198.51.100.4', forwardedFor: null, trusted: loopback }),
    ).toBe('198.51.100.4')
  })

  it('falls back to the last trusted hop when every hop is trusted', () => {
    expect(
      resolveClientIp({ peer: '127.0.0.1', forwardedFor: '::1, 127.0.0.1', trusted: loopback }),
    ).toBe('::1')
    expect(resolveClientIp({ peer: '127.0.0.1', forwardedFor: ' , ', trusted: loopback })).toBe(
      '127.0.0.1',
    )
  })

  it('treats an absent peer as this machine and an unreadable one as unknown', () => {
    expect(resolveClientIp({ peer: undefined, forwardedFor: undefined, trusted: loopback })).toBe(
      LOCAL_PEER,
    )
    expect(
      resolveClientIp({ peer: undefined, forwardedFor: '203.0.113.9', trusted: loopback }),
    ).toBe('203.0.113.9')
    expect(resolveClientIp({ peer: '', forwardedFor: '203.0.113.9', trusted: loopback })).toBe(
      UNKNOWN_CLIENT,
    )
    expect(
      resolveClientIp({ peer: 'not-an-ip', forwardedFor: '203.0.113.9', trusted: loopback }),
    ).toBe(UNKNOWN_CLIENT)
  })
})

describe('clientIpFromHeaders', () => {
  it('reads Headers objects and Node header records', () => {
    const headers = new Headers({
      [PEER_IP_HEADER]: '127.0.0.1',
      'X-Forwarded-For': '6.6.6.6, 203.0.113.9',
    })
    expect(clientIpFromHeaders(headers, loopback)).toBe('203.0.113.9')
    expect(
      clientIpFromHeaders(
        { [PEER_IP_HEADER]: '198.51.100.1', 'x-forwarded-for': ['203.0.113.9'] },
        loopback,
      ),
    ).toBe('198.51.100.1')
    expect(clientIpFromHeaders(new Headers(), loopback)).toBe(LOCAL_PEER)
    expect(clientIpFromHeaders(undefined, loopback)).toBe(LOCAL_PEER)
  })

  it('cannot be fooled by a spoofed X-Forwarded-For from an outside peer', () => {
    for (const spoof of ['127.0.0.1', '1.1.1.1', '1.1.1.1, 127.0.0.1', '::1']) {
      const headers = new Headers({ [PEER_IP_HEADER]: '198.51.100.77', 'x-forwarded-for': spoof })
      expect(clientIpFromHeaders(headers, loopback)).toBe('198.51.100.77')
    }
  })
})

describe('rateLimitSubject', () => {
  it('counts IPv4 per address and IPv6 per /64', () => {
    expect(rateLimitSubject('203.0.113.9')).toBe('203.0.113.9')
    expect(rateLimitSubject('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(rateLimitSubject('2001:db8:1:2:bbbb::2')).toBe('2001:db8:1:2::/64')
    expect(rateLimitSubject('::ffff:203.0.113.9')).toBe('203.0.113.9')
    expect(rateLimitSubject(UNKNOWN_CLIENT)).toBe(UNKNOWN_CLIENT)
  })
})
