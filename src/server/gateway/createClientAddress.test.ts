import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createClientAddress } from './createClientAddress.js'

const request = (peer: string | undefined, headers: IncomingMessage['headers'] = {}) =>
  ({ socket: { remoteAddress: peer }, headers }) as Pick<IncomingMessage, 'socket' | 'headers'>

describe('createClientAddress', () => {
  it('is the socket peer when off, whatever the headers say', () => {
    for (const off of [createClientAddress({}), createClientAddress({ trustProxy: 0 })]) {
      expect(off(request('10.0.0.9', { 'x-forwarded-for': '6.6.6.6' }))).toBe('10.0.0.9')
      expect(off(request(undefined))).toBeUndefined()
    }
  })

  it('walks back a number of trusted hops, never past the first entry', () => {
    const one = createClientAddress({ trustProxy: 1 })
    // The client prepended a lie; the balancer appended the truth.
    const xff = { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }
    expect(one(request('::ffff:10.0.0.9', xff))).toBe('203.0.113.7')
    expect(one(request('10.0.0.9'))).toBe('10.0.0.9')
    const two = createClientAddress({ trustProxy: 2 })
    expect(two(request('10.0.0.9', { 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.8' }))).toBe(
      '203.0.113.7',
    )
    const many = createClientAddress({ trustProxy: 5 })
    expect(many(request('10.0.0.9', xff))).toBe('6.6.6.6')
  })

  it('trusts listed proxies and ranges only', () => {
    const listed = createClientAddress({ trustProxy: ['10.0.0.9', '192.168.0.0/16', 'fd00::/8'] })
    const xff = { 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 192.168.4.4' }
    expect(listed(request('10.0.0.9', xff))).toBe('203.0.113.7')
    expect(listed(request('fd00::1', xff))).toBe('203.0.113.7')
    // A client that is not a listed proxy is taken at its socket's word, not its header's.
    expect(listed(request('198.51.100.1', xff))).toBe('198.51.100.1')
  })

  it('reads Forwarded when told to, and only then', () => {
    const headers = { forwarded: 'for=203.0.113.7;proto=https', 'x-forwarded-for': '6.6.6.6' }
    expect(
      createClientAddress({ trustProxy: 1, trustProxyHeader: 'forwarded' })(
        request('10.0.0.9', headers),
      ),
    ).toBe('203.0.113.7')
    expect(createClientAddress({ trustProxy: 1 })(request('10.0.0.9', headers))).toBe('6.6.6.6')
  })

  it('refuses settings it cannot follow', () => {
    expect(() => createClientAddress({ trustProxy: -1 })).toThrow(/number of hops/)
    expect(() => createClientAddress({ trustProxy: 1.5 })).toThrow(/number of hops/)
    expect(() => createClientAddress({ trustProxy: ['10.0.0.0/33'] })).toThrow(/10\.0\.0\.0\/33/)
    expect(() => createClientAddress({ trustProxy: ['proxy.internal'] })).toThrow(/not an IP/)
    expect(() =>
      createClientAddress({ trustProxy: 1, trustProxyHeader: 'x-real-ip' as 'forwarded' }),
    ).toThrow(/trustProxyHeader/)
  })
})
