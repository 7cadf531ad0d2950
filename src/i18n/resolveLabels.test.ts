import { expect, it } from 'vitest'
import { enUSLabels } from './enUSLabels.js'
import { resolveLabels } from './resolveLabels.js'
import { zhCNLabels } from './zhCNLabels.js'

it('picks the locale, falls back to English, and applies overrides', () => {
  expect(resolveLabels(undefined)).toBe(enUSLabels)
  expect(resolveLabels('zh-CN')).toBe(zhCNLabels)
  expect(resolveLabels('zh-TW').connect).toBe('连接')
  expect(resolveLabels('fr-FR')).toBe(enUSLabels)
  const custom = resolveLabels('en-US', { connect: 'Open', retry: undefined })
  expect(custom.connect).toBe('Open')
  expect(custom.retry).toBe('Retry')
})

it('translates every string into Chinese', () => {
  expect(Object.keys(zhCNLabels).sort()).toEqual(Object.keys(enUSLabels).sort())
  const untranslated = Object.entries(zhCNLabels).filter(
    ([key, value]) => value === enUSLabels[key as keyof typeof enUSLabels],
  )
  // Key names and product names read the same in both languages.
  expect(untranslated.map(([key]) => key).sort()).toEqual([
    'providerCloudtower',
    'stickyAlt',
    'stickyCtrl',
    'stickySuper',
  ])
})
