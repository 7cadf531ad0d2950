// Type tests, checked by `npm run typecheck`: the options factories carry their data and error
// types into TanStack Query, so prefetching, ensureQueryData and the hooks need no annotations.
import type { QueryClient, UseMutationResult, UseQueryResult } from '@tanstack/react-query'
import { expectTypeOf } from 'vitest'
import type { CloudTowerVnc } from '../../core/cloudtower/CloudTowerVnc.js'
import type { EcsRemoteConsole } from '../../core/ecs/EcsRemoteConsole.js'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import { cloudTowerVncOptions } from './cloudTowerVncOptions.js'
import { ecsConsoleOptions } from './ecsConsoleOptions.js'
import { useCloudTowerVnc } from './useCloudTowerVnc.js'
import { useEcsConsole } from './useEcsConsole.js'
import { cloudTowerPowerOptions } from './cloudTowerPowerOptions.js'
import { cloudTowerVmStateOptions } from './cloudTowerVmStateOptions.js'
import { ecsPowerOptions } from './ecsPowerOptions.js'
import { ecsServerStateOptions } from './ecsServerStateOptions.js'
import { useCloudTowerPower } from './useCloudTowerPower.js'
import { useCloudTowerVmState } from './useCloudTowerVmState.js'
import { useEcsPower } from './useEcsPower.js'
import { useEcsServerState } from './useEcsServerState.js'
import type { PowerTask } from '../../core/power/PowerTask.js'
import type { VmPowerAction } from '../../core/power/VmPowerAction.js'
import type { VmState } from '../../core/power/VmState.js'
import type { VmStateInfo } from '../../core/power/VmStateInfo.js'

declare const client: QueryClient

const tower = cloudTowerVncOptions({ endpoint: '/tower', token: 't', vmId: undefined })
const ecs = ecsConsoleOptions({ endpoint: '/ecs', projectId: 'p', serverId: undefined })

expectTypeOf(client.ensureQueryData(tower)).resolves.toEqualTypeOf<CloudTowerVnc>()
expectTypeOf(client.ensureQueryData(ecs)).resolves.toEqualTypeOf<EcsRemoteConsole>()
expectTypeOf(client.getQueryData(tower.queryKey)).toEqualTypeOf<CloudTowerVnc | undefined>()

expectTypeOf(useCloudTowerVnc).returns.toEqualTypeOf<UseQueryResult<CloudTowerVnc, ConsoleError>>()
expectTypeOf(useEcsConsole).returns.toEqualTypeOf<UseQueryResult<EcsRemoteConsole, ConsoleError>>()
// The second argument takes query options, but not the ones the factory owns.
expectTypeOf(useEcsConsole).parameter(1).exclude<undefined>().toHaveProperty('enabled')
expectTypeOf(useEcsConsole).parameter(1).exclude<undefined>().not.toHaveProperty('queryFn')

// @ts-expect-error vmId is required (undefined keeps the query disabled, a missing key is a bug)
cloudTowerVncOptions({ endpoint: '/tower', token: 't' })

// State: a query like the credentials', with the cloud-neutral VmStateInfo.
const towerState = cloudTowerVmStateOptions({ endpoint: '/tower', token: 't', vmId: 'v' })
const ecsState = ecsServerStateOptions({ endpoint: '/ecs', projectId: 'p', serverId: 's' })
expectTypeOf(client.ensureQueryData(towerState)).resolves.toEqualTypeOf<VmStateInfo>()
expectTypeOf(client.getQueryData(ecsState.queryKey)).toEqualTypeOf<VmStateInfo | undefined>()
expectTypeOf(useCloudTowerVmState).returns.toEqualTypeOf<
  UseQueryResult<VmStateInfo, ConsoleError>
>()
expectTypeOf(useEcsServerState).returns.toEqualTypeOf<UseQueryResult<VmStateInfo, ConsoleError>>()
expectTypeOf<VmStateInfo['state']>().toEqualTypeOf<VmState>()

// Power: mutations whose variable is the action, whose data is the finished task.
expectTypeOf(useCloudTowerPower).returns.toEqualTypeOf<
  UseMutationResult<PowerTask, ConsoleError, VmPowerAction>
>()
expectTypeOf(useEcsPower).returns.toEqualTypeOf<
  UseMutationResult<PowerTask, ConsoleError, VmPowerAction>
>()
expectTypeOf(
  ecsPowerOptions({ endpoint: '/ecs', projectId: 'p', serverId: 's' }).mutationKey,
).toEqualTypeOf<readonly unknown[]>()
expectTypeOf(cloudTowerPowerOptions).parameter(0).toHaveProperty('taskTimeoutMs')
// The app may add callbacks, but not replace what the factory owns.
expectTypeOf(useEcsPower).parameter(1).exclude<undefined>().toHaveProperty('onSuccess')
expectTypeOf(useEcsPower).parameter(1).exclude<undefined>().not.toHaveProperty('mutationFn')
declare const power: ReturnType<typeof useEcsPower>
// @ts-expect-error 'reset' is no power action
power.mutate('reset')
