import { describe, expect, it } from 'vitest'
import { guestLayoutStorageKey } from './guestLayoutStorageKey.js'

describe('guestLayoutStorageKey', () => {
  it('is a stable tag of the connection key, without the key itself', () => {
    const key = '["https://tower.example","vm-1","proxy","secret-ish"]'
    expect(guestLayoutStorageKey(key)).toBe(guestLayoutStorageKey(key))
    expect(guestLayoutStorageKey(key)).toMatch(/^rvc-guest-layout:[0-9a-z]+$/)
    expect(guestLayoutStorageKey(key)).not.toContain('tower')
    expect(guestLayoutStorageKey(key)).not.toBe(guestLayoutStorageKey(`${key} `))
  })
})
