// A strict app (exactOptionalPropertyTypes) forwards its own optional values, `undefined`
// included, as it does for `endpoint`, `projectId` and `serverId`.
import type {
  CloudTowerConsoleProps,
  ConsoleViewerHandle,
  EcsConsoleProps,
  GatewayConsoleProps,
  TypeTextResult,
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

// Paste (issue 16): the guest layout and the shortcut on every console; the handle's pasteText
// types (a promise of the result), setServerClipboard is the old ClientCutText call.
void ({
  endpoint: '/tower',
  token: 't',
  vmId: 'vm',
  guestKeyboardLayout: 'de-DE',
  pasteShortcut: false,
} satisfies CloudTowerConsoleProps)
void ({
  gateway: '/consoles',
  provider: 'ecs',
  serverId: 's',
  guestKeyboardLayout: 'ja-JP',
  pasteShortcut: 'Control+Shift+KeyV',
} satisfies GatewayConsoleProps)
declare const handle: ConsoleViewerHandle
const pasted: Promise<TypeTextResult> = handle.pasteText('x')
void pasted
handle.setServerClipboard('x')
