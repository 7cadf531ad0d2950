// A strict app (exactOptionalPropertyTypes) forwards its own optional values to the state and
// power API, `undefined` included, and switches on the states and actions without a default.
import type {
  FetchEcsJobArgs,
  PowerFollowArgs,
  RequestCloudTowerPowerActionArgs,
  VmPowerAction,
  VmState,
  WaitForPowerTaskArgs,
} from 'react-vm-console'
import { waitForPowerTask, fetchEcsJob } from 'react-vm-console/core'

declare const maybe: { token?: string | undefined; ms?: number | undefined; signal?: AbortSignal }

void ({
  endpoint: '/tower',
  token: 't',
  vmId: 'vm',
  action: 'forceRestart',
  timeoutMs: maybe.ms,
  signal: maybe.signal,
} satisfies RequestCloudTowerPowerActionArgs)
void ({
  endpoint: '/ecs',
  projectId: 'p',
  jobId: 'j',
  authToken: maybe.token,
} satisfies FetchEcsJobArgs)
void ({ intervalMs: maybe.ms, taskTimeoutMs: maybe.ms } satisfies PowerFollowArgs)
void ({
  provider: 'ecs',
  poll: (signal) => fetchEcsJob({ endpoint: '/ecs', projectId: 'p', jobId: 'j', signal }),
  intervalMs: maybe.ms,
  onTask: undefined,
} satisfies WaitForPowerTaskArgs)
void waitForPowerTask

export const label = (state: VmState): string => {
  switch (state) {
    case 'running':
    case 'stopped':
    case 'suspended':
    case 'starting':
    case 'stopping':
    case 'restarting':
    case 'deleted':
    case 'unknown':
      return state
  }
}
export const confirm = (action: VmPowerAction): boolean => action !== 'start'
