// A strict app (exactOptionalPropertyTypes) forwards its own optional values, `undefined`
// included, as it does for `endpoint`, `projectId` and `serverId`.
import type {
  CloudTowerConsoleProps,
  EcsConsoleProps,
  FetchCloudTowerVncArgs,
  FetchEcsRemoteConsoleArgs,
} from 'react-vm-console'

declare const maybe: { token?: string | undefined; secure?: boolean; timeoutMs?: number }

void ({
  endpoint: '/ecs',
  projectId: 'p',
  serverId: 's',
  authToken: maybe.token,
  secure: maybe.secure,
  timeoutMs: maybe.timeoutMs,
} satisfies EcsConsoleProps)
void ({
  endpoint: '/tower',
  token: 't',
  vmId: 'vm',
  secure: maybe.secure,
  timeoutMs: maybe.timeoutMs,
} satisfies CloudTowerConsoleProps)
void ({
  endpoint: '/ecs',
  projectId: 'p',
  serverId: 's',
  authToken: maybe.token,
} satisfies FetchEcsRemoteConsoleArgs)
void ({
  endpoint: '/tower',
  token: 't',
  vmId: 'vm',
  timeoutMs: maybe.timeoutMs,
} satisfies FetchCloudTowerVncArgs)
