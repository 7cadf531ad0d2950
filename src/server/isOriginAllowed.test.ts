import { describe, expect, it } from 'vitest'
import { isOriginAllowed } from './isOriginAllowed.js'

describe('isOriginAllowed', () => {
  it('defaults to the gateway host and lets non-browsers through', () => {
    expect(isOriginAllowed('https://portal.example', 'portal.example')).toBe(true)
    expect(isOriginAllowed('https://evil.example', 'portal.example')).toBe(false)
    expect(isOriginAllowed('null', 'portal.example')).toBe(false)
    expect(isOriginAllowed(undefined, 'portal.example')).toBe(true)
  })
  it('compares the scheme the browser reached the gateway by, when known', () => {
    expect(isOriginAllowed('https://portal.example', 'portal.example', undefined, 'https:')).toBe(
      true,
    )
    expect(isOriginAllowed('http://portal.example', 'portal.example', undefined, 'https:')).toBe(
      false,
    )
    expect(isOriginAllowed('https://portal.example', 'portal.example', undefined, 'http:')).toBe(
      false,
    )
    // A listed origin is compared whole, scheme included, whatever the gateway was reached by.
    expect(isOriginAllowed('https://a.example', 'gw', ['https://a.example'], 'http:')).toBe(true)
    expect(isOriginAllowed('http://a.example', 'gw', ['https://a.example'], 'http:')).toBe(false)
  })
  it('follows a list or a predicate when given', () => {
    expect(isOriginAllowed('https://a.example', 'gw', ['https://a.example/'])).toBe(true)
    expect(isOriginAllowed('https://gw', 'gw', ['https://a.example'])).toBe(false)
    expect(isOriginAllowed('https://b.example', 'gw', (o) => o.endsWith('.example'))).toBe(true)
  })
})
