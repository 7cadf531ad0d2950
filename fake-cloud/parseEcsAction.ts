import { isRecord } from './isRecord.ts'
import type { FakePowerAction } from './types.ts'

/**
 * Reads a `POST /v1/{project_id}/cloudservers/action` body: `os-start`, `os-stop` (type SOFT, the
 * default, or HARD) or `reboot` (type SOFT or HARD, required), each with `servers: [{ id }]`.
 * An error message (Ecs.0005) instead of a guess.
 */
export function parseEcsAction(
  body: unknown,
): { action: FakePowerAction; serverIds: string[] } | { error: string } {
  if (!isRecord(body)) return { error: 'The request body must be a JSON object.' }
  const keys = Object.keys(body)
  const [key] = keys
  if (keys.length !== 1 || (key !== 'os-start' && key !== 'os-stop' && key !== 'reboot')) {
    return { error: 'Expected exactly one of "os-start", "os-stop", "reboot".' }
  }
  const option = body[key]
  if (!isRecord(option)) return { error: `"${key}" must be an object.` }
  const servers = option.servers
  if (
    !Array.isArray(servers) ||
    servers.length === 0 ||
    !servers.every((server) => isRecord(server) && typeof server.id === 'string' && server.id)
  ) {
    return { error: `"${key}.servers" must be a non-empty list of { "id" }.` }
  }
  const serverIds = servers.map((server) => (server as { id: string }).id)
  const type = option.type
  if (key === 'os-start') return { action: 'start', serverIds }
  if (key === 'os-stop') {
    if (type !== undefined && type !== 'SOFT' && type !== 'HARD') {
      return { error: '"os-stop.type" must be SOFT or HARD.' }
    }
    return { action: type === 'HARD' ? 'poweroff' : 'shutdown', serverIds }
  }
  if (type !== 'SOFT' && type !== 'HARD') return { error: '"reboot.type" must be SOFT or HARD.' }
  return { action: type === 'HARD' ? 'forceRestart' : 'restart', serverIds }
}
