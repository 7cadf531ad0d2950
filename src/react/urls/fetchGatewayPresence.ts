import { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { GatewayConsoleArgs, GatewayConsoleTarget } from './gatewayConsoleOptions.js'
import { postGateway } from './postGateway.js'
import type { ConsolePresenceViewer } from '../types.js'

export interface FetchGatewayPresenceArgs extends Omit<GatewayConsoleArgs, 'target'> {
  target: GatewayConsoleTarget
  signal?: AbortSignal | undefined
}

/**
 * Asks a `react-vm-console/server` gateway who else has a console open on the VM
 * (`POST {gateway}/presence`); the asking user is not among them. Failures are thrown as
 * ConsoleErrors with the gateway's kind.
 */
export async function fetchGatewayPresence(
  args: FetchGatewayPresenceArgs,
): Promise<ConsolePresenceViewer[]> {
  const record = await postGateway({ ...args, route: '/presence', body: args.target })
  if (!Array.isArray(record.viewers)) {
    throw new ConsoleError({
      kind: 'invalid_response',
      provider: args.target.provider,
      message: 'The console gateway answered without the list of viewers.',
    })
  }
  // Entries this version cannot read are dropped: the list is informative, never fatal.
  return record.viewers.flatMap((entry: unknown) => {
    const { user, mode, since } = (entry ?? {}) as Record<string, unknown>
    return typeof user === 'string' &&
      (mode === 'control' || mode === 'observe') &&
      typeof since === 'string'
      ? [{ user, mode, since }]
      : []
  })
}
