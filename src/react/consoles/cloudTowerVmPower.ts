import { fetchCloudTowerTask } from '../../core/cloudtower/fetchCloudTowerTask.js'
import { fetchCloudTowerVmState } from '../../core/cloudtower/fetchCloudTowerVmState.js'
import type { FetchCloudTowerVncArgs } from '../../core/cloudtower/fetchCloudTowerVnc.js'
import { requestCloudTowerPowerAction } from '../../core/cloudtower/requestCloudTowerPowerAction.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import type { VmPowerControl } from '../session/VmPowerControl.js'
import { waitForPowerTask } from '../../core/power/waitForPowerTask.js'

/** CloudTower's state and power for `<CloudTowerConsole>`: get-vms, the *-vm operations, get-tasks. */
export function cloudTowerVmPower(
  args: FetchCloudTowerVncArgs,
  actions: readonly VmPowerAction[],
): VmPowerControl {
  return {
    state: (signal) => fetchCloudTowerVmState({ ...args, signal }),
    act: async (action, signal) => {
      const { taskId } = await requestCloudTowerPowerAction({ ...args, action, signal })
      // No task: CloudTower did it synchronously.
      if (taskId === null) return
      await waitForPowerTask({
        provider: 'cloudtower',
        poll: (polling) => fetchCloudTowerTask({ ...args, taskId, signal: polling }),
        signal,
      })
    },
    actions,
    provider: 'cloudtower',
  }
}
