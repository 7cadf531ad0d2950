import { describe, expect, it } from 'vitest'
import { requestScheme } from './requestScheme.js'

describe('requestScheme', () => {
  it("takes a proxy's X-Forwarded-Proto, else the socket", () => {
    expect(requestScheme(undefined, false)).toBe('http:')
    expect(requestScheme(undefined, true)).toBe('https:')
    expect(requestScheme('https', false)).toBe('https:')
    expect(requestScheme('HTTPS, http', false)).toBe('https:')
    expect(requestScheme('http', true)).toBe('http:')
    expect(requestScheme('gopher', true)).toBe('https:')
  })
})
