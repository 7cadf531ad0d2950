import { expect, it } from 'vitest'
import { tokenFingerprint } from './tokenFingerprint.js'

it('tags a token without containing it, and tells tokens apart', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.session'
  const tag = tokenFingerprint(token)
  expect(tag).toMatch(/^[0-9a-z]{1,7}$/)
  expect(token).not.toContain(tag)
  expect(tokenFingerprint(token)).toBe(tag)
  expect(tokenFingerprint(`${token}x`)).not.toBe(tag)
  expect(tokenFingerprint(undefined)).toBeUndefined()
  expect(tokenFingerprint('')).toBeUndefined()
})
