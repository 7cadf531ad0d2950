import type { UseMutationOptions } from '@tanstack/react-query'
import type { CloudTowerVncQueryArgs } from './cloudTowerVncOptions.js'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import { fetchCloudTowerTask } from '../../core/cloudtower/fetchCloudTowerTask.js'
import type { PowerFollowArgs } from './PowerFollowArgs.js'
import type { PowerTask } from '../../core/power/PowerTask.js'
import { requestCloudTowerPowerAction } from '../../core/cloudtower/requestCloudTowerPowerAction.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import { waitForPowerTask } from '../../core/power/waitForPowerTask.js'

/**
 * Mutation options for CloudTower's power actions: `mutate('start')` sends the action once, then
 * follows its task until it succeeded (the data) or failed (a `server` ConsoleError with the
 * task's code). Never retried: a power action is not repeated behind the user's back.
 */
export function cloudTowerPowerOptions(
  args: CloudTowerVncQueryArgs & PowerFollowArgs,
): UseMutationOptions<PowerTask, ConsoleError, VmPowerAction> & {
  mutationKey: readonly unknown[]
} {
  const { endpoint = '', token = '', vmId = '', intervalMs, taskTimeoutMs, signal } = args
  return {
    mutationKey: ['react-vm-console', 'cloudtower-power', { endpoint, vmId }],
    mutationFn: async (action) => {
      const call = { ...args, endpoint, token, vmId, signal }
      const { taskId } = await requestCloudTowerPowerAction({ ...call, action })
      // No task: CloudTower did it synchronously.
      if (taskId === null) return { status: 'succeeded', cloudStatus: 'SUCCESSED' }
      return waitForPowerTask({
        provider: 'cloudtower',
        poll: (polling) => fetchCloudTowerTask({ ...call, taskId, signal: polling }),
        intervalMs,
        timeoutMs: taskTimeoutMs,
        signal,
      })
    },
    retry: false,
  }
}
