import { describe, expect, it, vi } from 'vitest'
import { createFaults } from './createFaults.ts'

describe('createFaults', () => {
  it('starts clean, merges initial values and patches, and resets', () => {
    const faults = createFaults({ latencyMs: 50 }, () => 0)
    expect(faults.get()).toEqual({
      latencyMs: 50,
      failNext: 0,
      failStatus: 503,
      rejectTokens: false,
      throttle: false,
      vncPassword: null,
    })
    expect(faults.set({ throttle: true }).throttle).toBe(true)
    expect(faults.get().latencyMs).toBe(50)
    expect(faults.reset().latencyMs).toBe(0)
  })

  it('hands out copies', () => {
    const faults = createFaults(undefined, () => 0)
    faults.get().throttle = true
    expect(faults.get().throttle).toBe(false)
  })

  it('counts failNext down and notifies listeners', () => {
    const faults = createFaults({ failNext: 2, failStatus: 500 }, () => 0)
    const listener = vi.fn()
    const off = faults.onChange(listener)
    expect(faults.takeFailure()).toBe(500)
    expect(faults.takeFailure()).toBe(500)
    expect(faults.takeFailure()).toBeNull()
    expect(listener).toHaveBeenCalledTimes(2)
    off()
    faults.set({ vncPassword: 'pw' })
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('delegates dropConnections', () => {
    expect(createFaults(undefined, () => 3).dropConnections()).toBe(3)
  })
})
