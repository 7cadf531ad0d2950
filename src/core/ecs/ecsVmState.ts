import type { VmState } from '../power/VmState.js'

// `status` of ECS (its "ECS Statuses" appendix), used when no task is under way.
const STATES: Readonly<Record<string, VmState>> = {
  ACTIVE: 'running',
  SHUTOFF: 'stopped',
  REBOOT: 'restarting',
  HARD_REBOOT: 'restarting',
  BUILD: 'starting',
  SUSPENDED: 'suspended',
  PAUSED: 'suspended',
  DELETED: 'deleted',
  SOFT_DELETED: 'deleted',
}

// `OS-EXT-STS:task_state` (Nova's task states, which ECS shows): the transition under way. Nova
// spells `powering-on`, OpenStack's docs `powering_on`: both.
const TASKS: readonly [RegExp, VmState][] = [
  [/^reboot/, 'restarting'],
  [/^(powering.on|starting|resuming|unpausing)$/, 'starting'],
  [/^(powering.off|stopping)$/, 'stopping'],
]

/**
 * The state an ECS server's `status` and `OS-EXT-STS:task_state` mean; anything else (MIGRATING,
 * ERROR, UNKNOWN, a resize…) is unknown.
 */
export function ecsVmState(status: unknown, taskState?: unknown): VmState {
  const task = typeof taskState === 'string' ? taskState : ''
  return (
    TASKS.find(([pattern]) => pattern.test(task))?.[1] ??
    ((typeof status === 'string' && Object.hasOwn(STATES, status) && STATES[status]) || 'unknown')
  )
}
