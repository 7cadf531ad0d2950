import { fetchEcsJob } from '../../core/ecs/fetchEcsJob.js'
import type { FetchEcsRemoteConsoleArgs } from '../../core/ecs/fetchEcsRemoteConsole.js'
import { fetchEcsServerState } from '../../core/ecs/fetchEcsServerState.js'
import { requestEcsPowerAction } from '../../core/ecs/requestEcsPowerAction.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import type { VmPowerControl } from '../session/VmPowerControl.js'
import { waitForPowerTask } from '../../core/power/waitForPowerTask.js'

/** ECS's state and power for `<EcsConsole>`: the server, the batch action, its job. */
export function ecsVmPower(
  args: FetchEcsRemoteConsoleArgs,
  actions: readonly VmPowerAction[],
): VmPowerControl {
  return {
    state: (signal) => fetchEcsServerState({ ...args, signal }),
    act: async (action, signal) => {
      const { taskId } = await requestEcsPowerAction({ ...args, action, signal })
      await waitForPowerTask({
        provider: 'ecs',
        poll: (polling) => fetchEcsJob({ ...args, jobId: taskId ?? '', signal: polling }),
        signal,
      })
    },
    actions,
    provider: 'ecs',
  }
}
