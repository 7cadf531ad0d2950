import { describe, expect, it } from 'vitest'
import { presenceLabels } from './presenceLabels.js'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('presenceLabels', () => {
  it('has every English string in Chinese, with the same placeholders', () => {
    const en = presenceLabels['en-US']
    const zh = presenceLabels['zh-CN']
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort())
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]))
      expect(zh[key], key).not.toBe('')
    }
  })
})
