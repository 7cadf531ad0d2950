import { expect, it } from 'vitest'
import { isVmRunning } from './isVmRunning.ts'

it('counts only states whose QEMU is up as running', () => {
  for (const status of ['RUNNING', 'ACTIVE', 'REBOOT', 'HARD_REBOOT'] as const) {
    expect(isVmRunning(status)).toBe(true)
  }
  for (const status of ['STOPPED', 'SUSPENDED', 'UNKNOWN', 'DELETED', 'SHUTOFF'] as const) {
    expect(isVmRunning(status)).toBe(false)
  }
})
