import { describe, expect, it } from 'vitest'
import { cloudTowerMessage } from './cloudTowerMessage.ts'

describe('cloudTowerMessage', () => {
  it('speaks English by default and Chinese for zh-CN', () => {
    expect(cloudTowerMessage('LOGIN_FAILED', undefined)).toBe('Incorrect username or password.')
    expect(cloudTowerMessage('LOGIN_FAILED', 'en-US')).toBe('Incorrect username or password.')
    expect(cloudTowerMessage('LOGIN_FAILED', 'zh-CN')).toBe('用户名或密码错误。')
  })

  it('falls back to a generic message for unknown codes', () => {
    expect(cloudTowerMessage('NOPE', 'en-US')).toBe('Internal server error.')
  })
})
