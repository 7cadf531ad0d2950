import type { UseMutationOptions } from '@tanstack/react-query'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { EcsConsoleQueryArgs } from './ecsConsoleOptions.js'
import { fetchEcsJob } from '../../core/ecs/fetchEcsJob.js'
import type { PowerFollowArgs } from './PowerFollowArgs.js'
import type { PowerTask } from '../../core/power/PowerTask.js'
import { requestEcsPowerAction } from '../../core/ecs/requestEcsPowerAction.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import { waitForPowerTask } from '../../core/power/waitForPowerTask.js'

/**
 * Mutation options for ECS's power actions: `mutate('forceRestart')` sends the batch action once,
 * then follows its job until it succeeded (the data) or failed (a `server` ConsoleError with the
 * job's code). Never retried.
 */
export function ecsPowerOptions(args: EcsConsoleQueryArgs & PowerFollowArgs): UseMutationOptions<
  PowerTask,
  ConsoleError,
  VmPowerAction
> & {
  mutationKey: readonly unknown[]
} {
  const { endpoint = '', projectId = '', serverId = '', intervalMs, taskTimeoutMs, signal } = args
  return {
    mutationKey: ['react-vm-console', 'ecs-power', { endpoint, projectId, serverId }],
    mutationFn: async (action) => {
      const call = { ...args, endpoint, projectId, serverId, signal }
      const { taskId } = await requestEcsPowerAction({ ...call, action })
      // ECS always answers a job; `taskId` is null only for CloudTower.
      return waitForPowerTask({
        provider: 'ecs',
        poll: (polling) => fetchEcsJob({ ...call, jobId: taskId ?? '', signal: polling }),
        intervalMs,
        timeoutMs: taskTimeoutMs,
        signal,
      })
    },
    retry: false,
  }
}
