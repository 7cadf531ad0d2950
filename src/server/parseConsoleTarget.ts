import { ConsoleError } from '../core/errors/ConsoleError.js'
import type { ConsoleTarget } from './types.js'

// Ids are path segments or GraphQL strings upstream; keep them plain and short.
// eslint-disable-next-line no-control-regex
const ID = /^[^\u0000-\u001f\u007f/?#\\]{1,200}$/

/** The console a browser asks for: `{ provider: 'cloudtower', vmId }` or `{ provider: 'ecs', serverId }`. */
export function parseConsoleTarget(body: unknown): ConsoleTarget {
  const fail = (message: string) =>
    new ConsoleError({ kind: 'invalid_input', provider: 'vnc', message })
  if (typeof body !== 'object' || body === null)
    throw fail('Send a JSON object naming the console.')
  const { provider, vmId, serverId } = body as Record<string, unknown>
  if (provider === 'cloudtower') {
    if (typeof vmId !== 'string' || !ID.test(vmId)) throw fail('vmId is missing or not a valid id.')
    return { provider, vmId }
  }
  if (provider === 'ecs') {
    if (typeof serverId !== 'string' || !ID.test(serverId)) {
      throw fail('serverId is missing or not a valid id.')
    }
    return { provider, serverId }
  }
  throw fail('provider must be "cloudtower" or "ecs".')
}
