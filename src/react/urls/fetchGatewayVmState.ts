import { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import type { VmStateInfo } from '../../core/power/VmStateInfo.js'
import type { GatewayConsoleArgs, GatewayConsoleTarget } from './gatewayConsoleOptions.js'
import { postGateway } from './postGateway.js'

export interface FetchGatewayVmStateArgs extends Omit<GatewayConsoleArgs, 'target'> {
  target: GatewayConsoleTarget
  signal?: AbortSignal | undefined
}

const STATES = new Set([
  'running',
  'stopped',
  'suspended',
  'starting',
  'stopping',
  'restarting',
  'deleted',
  'unknown',
])
const ACTIONS = new Set(['start', 'shutdown', 'poweroff', 'restart', 'forceRestart'])

/**
 * Asks a `react-vm-console/server` gateway for a VM's state (`POST {gateway}/state`) and the power
 * actions this user may take on it. Failures are thrown as ConsoleErrors with the gateway's kind.
 */
export async function fetchGatewayVmState(
  args: FetchGatewayVmStateArgs,
): Promise<{ state: VmStateInfo; actions: VmPowerAction[] }> {
  const record = await postGateway({ ...args, route: '/state', body: args.target })
  const state = record.state as Partial<VmStateInfo> | undefined
  if (
    typeof state?.state !== 'string' ||
    !STATES.has(state.state) ||
    typeof state.cloudStatus !== 'string' ||
    !Array.isArray(record.actions)
  ) {
    throw new ConsoleError({
      kind: 'invalid_response',
      provider: args.target.provider,
      message: 'The console gateway answered without the VM’s state.',
    })
  }
  return {
    state: { state: state.state, cloudStatus: state.cloudStatus },
    // Names this version does not know are dropped: the UI offers only what it can show.
    actions: record.actions.filter((a): a is VmPowerAction => ACTIONS.has(a)),
  }
}
