import { describe, expect, it } from 'vitest'
import { forwardedAddresses } from './forwardedAddresses.js'

describe('forwardedAddresses', () => {
  it('reads X-Forwarded-For, first client first', () => {
    expect(forwardedAddresses('x-forwarded-for', undefined)).toEqual([])
    expect(forwardedAddresses('x-forwarded-for', '')).toEqual([])
    expect(forwardedAddresses('x-forwarded-for', '203.0.113.7, 10.0.0.2,10.0.0.3')).toEqual([
      '203.0.113.7',
      '10.0.0.2',
      '10.0.0.3',
    ])
    // Two headers arrive joined; empty entries are no hop.
    expect(forwardedAddresses('x-forwarded-for', '1.2.3.4, , ::ffff:5.6.7.8')).toEqual([
      '1.2.3.4',
      '5.6.7.8',
    ])
  })
  it('reads RFC 7239 Forwarded: for= of each element, quoted, bracketed, with ports', () => {
    expect(
      forwardedAddresses(
        'forwarded',
        'for=192.0.2.60;proto=http;by=203.0.113.43, for="[2001:db8:cafe::17]:4711", For=198.51.100.17:80',
      ),
    ).toEqual(['192.0.2.60', '2001:db8:cafe::17', '198.51.100.17'])
    // RFC 7239's own examples of what is no address, and an element without for=.
    expect(forwardedAddresses('forwarded', 'for=unknown, for=_hidden, proto=https')).toEqual([
      'unknown',
      '_hidden',
      'unknown',
    ])
    // A quoted comma or semicolon does not split.
    expect(forwardedAddresses('forwarded', 'for="a,b;c", for=10.0.0.1')).toEqual([
      'a,b;c',
      '10.0.0.1',
    ])
  })
})
