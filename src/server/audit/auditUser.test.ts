import { describe, expect, it } from 'vitest'
import { auditUser } from './auditUser.js'

describe('auditUser', () => {
  it("names a user by authorize's user, and an anonymous one by address", () => {
    expect(auditUser('user:alice')).toBe('alice')
    expect(auditUser('user:user:x')).toBe('user:x')
    expect(auditUser('address:10.0.0.7')).toBe('address:10.0.0.7')
  })
})
