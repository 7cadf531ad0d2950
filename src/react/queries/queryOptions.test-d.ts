// Type tests, checked by `npm run typecheck`: the options factories carry their data and error
// types into TanStack Query, so prefetching, ensureQueryData and the hooks need no annotations.
import type { QueryClient, UseQueryResult } from '@tanstack/react-query'
import { expectTypeOf } from 'vitest'
import type { CloudTowerVnc } from '../../core/cloudtower/CloudTowerVnc.js'
import type { EcsRemoteConsole } from '../../core/ecs/EcsRemoteConsole.js'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import { cloudTowerVncOptions } from './cloudTowerVncOptions.js'
import { ecsConsoleOptions } from './ecsConsoleOptions.js'
import { useCloudTowerVnc } from './useCloudTowerVnc.js'
import { useEcsConsole } from './useEcsConsole.js'

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
