import type { FakeFaultControl, FakeFaults } from './types.ts'

const NO_FAULTS: FakeFaults = {
  latencyMs: 0,
  failNext: 0,
  failStatus: 503,
  rejectTokens: false,
  throttle: false,
  vncPassword: null,
}

/** The fault switches; `drop` is the server's way of ending every live relay. */
export function createFaults(
  initial: Partial<FakeFaults> | undefined,
  drop: () => number,
): FakeFaultControl & { takeFailure(): number | null } {
  let state: FakeFaults = { ...NO_FAULTS, ...initial }
  const listeners = new Set<(faults: FakeFaults) => void>()
  const changed = (): FakeFaults => {
    for (const listener of listeners) listener({ ...state })
    return { ...state }
  }
  return {
    get: () => ({ ...state }),
    set(patch) {
      state = { ...state, ...patch }
      return changed()
    },
    reset() {
      state = { ...NO_FAULTS }
      return changed()
    },
    dropConnections: drop,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /** Counts one request down against `failNext`; the status to fail it with, or null. */
    takeFailure() {
      if (state.failNext <= 0) return null
      state = { ...state, failNext: state.failNext - 1 }
      changed()
      return state.failStatus
    },
  }
}
