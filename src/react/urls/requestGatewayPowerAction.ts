import { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import type { VmStateInfo } from '../../core/power/VmStateInfo.js'
import type { GatewayConsoleArgs, GatewayConsoleTarget } from './gatewayConsoleOptions.js'
import { postGateway } from './postGateway.js'

export interface RequestGatewayPowerActionArgs extends Omit<GatewayConsoleArgs, 'target'> {
  target: GatewayConsoleTarget
  action: VmPowerAction
  signal?: AbortSignal | undefined
}

/**
 * Asks a `react-vm-console/server` gateway to start, shut down, power off, restart or
 * force-restart a VM (`POST {gateway}/power`). Resolves once the cloud accepted it, with the VM's
 * state then (`starting`…): poll `fetchGatewayVmState` until it settles. A user `authorize` does
 * not allow it gets a `forbidden` ConsoleError with code `power_not_allowed`.
 */
export async function requestGatewayPowerAction(
  args: RequestGatewayPowerActionArgs,
): Promise<{ state: VmStateInfo }> {
  const record = await postGateway({
    ...args,
    route: '/power',
    body: { ...args.target, action: args.action },
  })
  const state = record.state as Partial<VmStateInfo> | undefined
  if (typeof state?.state !== 'string' || typeof state.cloudStatus !== 'string') {
    throw new ConsoleError({
      kind: 'invalid_response',
      provider: args.target.provider,
      message: 'The console gateway answered without the VM’s state.',
    })
  }
  return { state: { state: state.state, cloudStatus: state.cloudStatus } as VmStateInfo }
}
