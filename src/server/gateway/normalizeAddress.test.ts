import { describe, expect, it } from 'vitest'
import { normalizeAddress } from './normalizeAddress.js'

describe('normalizeAddress', () => {
  it('drops ports, brackets and the IPv4-mapped prefix; lower-cases IPv6', () => {
    expect(normalizeAddress(' 203.0.113.7 ')).toBe('203.0.113.7')
    expect(normalizeAddress('203.0.113.7:51234')).toBe('203.0.113.7')
    expect(normalizeAddress('::ffff:10.0.0.1')).toBe('10.0.0.1')
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1')
    expect(normalizeAddress('[2001:db8::1]')).toBe('2001:db8::1')
    expect(normalizeAddress('2001:DB8::1')).toBe('2001:db8::1')
  })
  it('keeps what is no IP as written', () => {
    expect(normalizeAddress('unknown')).toBe('unknown')
    expect(normalizeAddress('_hidden')).toBe('_hidden')
    expect(normalizeAddress('::ffff:999.1.1.1')).toBe('::ffff:999.1.1.1')
  })
})
