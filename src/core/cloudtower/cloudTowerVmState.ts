import type { VmState } from '../power/VmState.js'

// VmStatus of CloudTower's OpenAPI spec. It has no transitions: those come from the task we follow.
const STATES: Readonly<Record<string, VmState>> = {
  RUNNING: 'running',
  STOPPED: 'stopped',
  SUSPENDED: 'suspended',
  DELETED: 'deleted',
}

/** The state a CloudTower VM's `status` (and `in_recycle_bin`) means; anything else is unknown. */
export function cloudTowerVmState(status: unknown, inRecycleBin?: unknown): VmState {
  if (inRecycleBin === true) return 'deleted'
  return (
    (typeof status === 'string' && Object.hasOwn(STATES, status) && STATES[status]) || 'unknown'
  )
}
