import type { FetchGatewayVmStateArgs } from '../urls/fetchGatewayVmState.js'
import { fetchGatewayVmState } from '../urls/fetchGatewayVmState.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import type { VmPowerControl } from '../session/VmPowerControl.js'
import { requestGatewayPowerAction } from '../urls/requestGatewayPowerAction.js'
import { waitForPowerTask } from '../../core/power/waitForPowerTask.js'

// Reads of a restarted VM still `running` after which the restart is taken as done (the cloud
// may never show it anything but running).
const RESTART_GRACE_READS = 5

/**
 * State and power through a `react-vm-console/server` gateway (`POST {gateway}/state`,
 * `/power`). The gateway follows the cloud's task itself; the browser reads the state until the
 * VM is where the action leads. `actions`: what the gateway said this user may do; `onActions`
 * hears each new answer.
 */
export function gatewayVmPower(
  args: Omit<FetchGatewayVmStateArgs, 'signal'>,
  actions: readonly VmPowerAction[],
  onActions: (actions: VmPowerAction[]) => void,
): VmPowerControl {
  const read = async (signal: AbortSignal) => {
    const answer = await fetchGatewayVmState({ ...args, signal })
    onActions(answer.actions)
    return answer.state
  }
  return {
    state: read,
    act: async (action, signal) => {
      const { state } = await requestGatewayPowerAction({ ...args, action, signal })
      const goal = action === 'shutdown' || action === 'poweroff' ? 'stopped' : 'running'
      const restart = action === 'restart' || action === 'forceRestart'
      let left = state.state === goal && restart ? RESTART_GRACE_READS : 0
      await waitForPowerTask({
        provider: args.target.provider,
        poll: async (polling) => {
          const now = await read(polling)
          // A restart reads `running` before it went down: wait to see it go, for a while.
          if (now.state === goal && left > 0) left--
          else if (now.state !== goal) left = 0
          const done = now.state === goal && left === 0
          return { status: done ? 'succeeded' : 'running', cloudStatus: now.cloudStatus }
        },
        signal,
      })
    },
    actions,
    provider: args.target.provider,
  }
}
