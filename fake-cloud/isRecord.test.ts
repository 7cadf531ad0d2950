import { describe, expect, it } from 'vitest'
import { isRecord } from './isRecord.ts'

describe('isRecord', () => {
  it('accepts objects only', () => {
    expect(isRecord({})).toBe(true)
    expect(isRecord({ a: 1 })).toBe(true)
    expect(isRecord(null)).toBe(false)
    expect(isRecord([])).toBe(false)
    expect(isRecord('x')).toBe(false)
    expect(isRecord(undefined)).toBe(false)
  })
})
