import { describe, expect, it } from 'vitest'
import { originMatchesHost } from './originMatchesHost.ts'

describe('originMatchesHost', () => {
  it('accepts the socket host as origin, and no origin at all', () => {
    expect(originMatchesHost('http://127.0.0.1:4000', '127.0.0.1:4000')).toBe(true)
    expect(originMatchesHost('https://Nova.example:8002', 'nova.example:8002')).toBe(true)
    expect(originMatchesHost(undefined, '127.0.0.1:4000')).toBe(true)
  })
  it('refuses another host or port, null and garbage', () => {
    expect(originMatchesHost('http://portal.example', '127.0.0.1:4000')).toBe(false)
    expect(originMatchesHost('http://127.0.0.1:5000', '127.0.0.1:4000')).toBe(false)
    expect(originMatchesHost('null', '127.0.0.1:4000')).toBe(false)
    expect(originMatchesHost('http://a', undefined)).toBe(false)
  })
})
