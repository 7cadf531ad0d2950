import { describe, expect, it } from 'vitest'
import { isConsoleHostAllowed } from './isConsoleHostAllowed.js'

describe('isConsoleHostAllowed', () => {
  it('matches names exactly or under a *. suffix, any case', () => {
    const hosts = ['*.myhuaweicloud.com', '10.0.0.5']
    expect(isConsoleHostAllowed('cn-north-4-console.myhuaweicloud.com', hosts)).toBe(true)
    expect(isConsoleHostAllowed('A.B.MyHuaweiCloud.com.', hosts)).toBe(true)
    expect(isConsoleHostAllowed('myhuaweicloud.com', hosts)).toBe(false)
    expect(isConsoleHostAllowed('evilmyhuaweicloud.com', hosts)).toBe(false)
    expect(isConsoleHostAllowed('myhuaweicloud.com.evil.io', hosts)).toBe(false)
    expect(isConsoleHostAllowed('10.0.0.5', hosts)).toBe(true)
    expect(isConsoleHostAllowed('10.0.0.50', hosts)).toBe(false)
    expect(isConsoleHostAllowed('169.254.169.254', hosts)).toBe(false)
    expect(isConsoleHostAllowed('anything', [])).toBe(false)
  })
})
