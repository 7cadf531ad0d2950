import {
  useMutation,
  useQueryClient,
  type QueryClient,
  type UseMutationResult,
} from '@tanstack/react-query'
import type { CloudTowerVncQueryArgs } from './cloudTowerVncOptions.js'
import { cloudTowerPowerOptions } from './cloudTowerPowerOptions.js'
import { cloudTowerVmStateOptions } from './cloudTowerVmStateOptions.js'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { PowerFollowArgs } from './PowerFollowArgs.js'
import type { PowerMutationOptions } from './PowerMutationOptions.js'
import type { PowerTask } from '../../core/power/PowerTask.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'

/**
 * CloudTower's power actions as a TanStack mutation: `mutate('start')`. When it settles, the VM's
 * state query (`useCloudTowerVmState`) is refetched.
 */
export function useCloudTowerPower(
  args: CloudTowerVncQueryArgs & PowerFollowArgs,
  options?: PowerMutationOptions,
  queryClient?: QueryClient,
): UseMutationResult<PowerTask, ConsoleError, VmPowerAction> {
  const client = useQueryClient(queryClient)
  return useMutation(
    {
      ...cloudTowerPowerOptions(args),
      ...options,
      onSettled: (...settled) => {
        void client.invalidateQueries({ queryKey: cloudTowerVmStateOptions(args).queryKey })
        return options?.onSettled?.(...settled)
      },
    },
    client,
  )
}
