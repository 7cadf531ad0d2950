import { describe, expect, it } from 'vitest'
import { generateCloudTowerTokens } from './generateCloudTowerTokens.ts'

describe('generateCloudTowerTokens', () => {
  it('gives 32 lowercase hex digits and base64 with + / and =', () => {
    for (let i = 0; i < 200; i++) {
      const { raw_token, token } = generateCloudTowerTokens()
      expect(raw_token).toMatch(/^[0-9a-f]{32}$/)
      expect(token).toMatch(/^[A-Za-z0-9+/]{43}=$/)
      expect(token).toContain('+')
      expect(token).toContain('/')
      expect(Buffer.from(token, 'base64').toString('base64')).toBe(token)
    }
  })

  it('never repeats', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => generateCloudTowerTokens().token))
    expect(tokens.size).toBe(100)
  })
})
