import type { ConsoleLabels } from './ConsoleLabels.js'
import type { VmState } from '../core/power/VmState.js'

const TITLES = {
  stopped: 'vmStopped',
  suspended: 'vmSuspended',
  deleted: 'vmDeleted',
  starting: 'vmStarting',
  stopping: 'vmStopping',
  restarting: 'vmRestarting',
} as const

/**
 * What a console held for its VM says ("This VM is stopped", "Restarting…"); undefined for a VM
 * that runs or whose state is unknown, which the connection's own words describe.
 */
export function vmStateText(
  vmState: VmState | undefined,
  labels: ConsoleLabels,
): string | undefined {
  return vmState && vmState in TITLES ? labels[TITLES[vmState as keyof typeof TITLES]] : undefined
}
