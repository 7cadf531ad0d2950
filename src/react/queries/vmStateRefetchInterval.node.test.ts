import { expect, it } from 'vitest'
import type { VmState } from '../../core/power/VmState.js'
import { vmStateRefetchInterval } from './vmStateRefetchInterval.js'

const query = (state?: VmState) => ({
  state: { data: state ? { state, cloudStatus: state.toUpperCase() } : undefined },
})

it('refetches every 2 s while the VM changes state, and never once it has settled', () => {
  for (const state of ['starting', 'stopping', 'restarting'] as const) {
    expect(vmStateRefetchInterval(query(state))).toBe(2_000)
  }
  for (const state of ['running', 'stopped', 'suspended', 'deleted', 'unknown'] as const) {
    expect(vmStateRefetchInterval(query(state))).toBe(false)
  }
  expect(vmStateRefetchInterval(query())).toBe(false)
})
