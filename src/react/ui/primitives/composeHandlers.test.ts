import { expect, it, vi } from 'vitest'
import { composeHandlers } from './composeHandlers.js'

it('runs theirs then ours, and skips ours after preventDefault', () => {
  const calls: string[] = []
  const event = { defaultPrevented: false }
  composeHandlers(
    () => calls.push('theirs'),
    () => calls.push('ours'),
  )(event)
  expect(calls).toEqual(['theirs', 'ours'])
  const ours = vi.fn()
  composeHandlers((e: { defaultPrevented: boolean }) => (e.defaultPrevented = true), ours)(event)
  expect(ours).not.toHaveBeenCalled()
  composeHandlers(undefined, ours)({ defaultPrevented: false })
  expect(ours).toHaveBeenCalledTimes(1)
})
