import type { UseMutationOptions } from '@tanstack/react-query'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { PowerTask } from '../../core/power/PowerTask.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'

/** Options of a power mutation that the app may set (not the ones the factory owns). */
export type PowerMutationOptions = Omit<
  UseMutationOptions<PowerTask, ConsoleError, VmPowerAction>,
  'mutationKey' | 'mutationFn'
>
