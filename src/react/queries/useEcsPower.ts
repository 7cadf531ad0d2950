import {
  useMutation,
  useQueryClient,
  type QueryClient,
  type UseMutationResult,
} from '@tanstack/react-query'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { EcsConsoleQueryArgs } from './ecsConsoleOptions.js'
import { ecsPowerOptions } from './ecsPowerOptions.js'
import { ecsServerStateOptions } from './ecsServerStateOptions.js'
import type { PowerFollowArgs } from './PowerFollowArgs.js'
import type { PowerMutationOptions } from './PowerMutationOptions.js'
import type { PowerTask } from '../../core/power/PowerTask.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'

/**
 * ECS's power actions as a TanStack mutation: `mutate('start')`. When it settles, the server's
 * state query (`useEcsServerState`) is refetched.
 */
export function useEcsPower(
  args: EcsConsoleQueryArgs & PowerFollowArgs,
  options?: PowerMutationOptions,
  queryClient?: QueryClient,
): UseMutationResult<PowerTask, ConsoleError, VmPowerAction> {
  const client = useQueryClient(queryClient)
  return useMutation(
    {
      ...ecsPowerOptions(args),
      ...options,
      onSettled: (...settled) => {
        void client.invalidateQueries({ queryKey: ecsServerStateOptions(args).queryKey })
        return options?.onSettled?.(...settled)
      },
    },
    client,
  )
}
