import { isRecord } from './isRecord.ts'

/**
 * Validates a `POST /__fake/power` body, the chaos panel's power switch:
 * `{ "id": "<VM or ECS server id>", "state": "stopped" | "running" }`.
 */
export function parsePowerPatch(
  body: unknown,
): { id: string; state: 'stopped' | 'running' } | { error: string } {
  if (!isRecord(body)) return { error: 'Expected a JSON object' }
  const unknown = Object.keys(body).find((key) => key !== 'id' && key !== 'state')
  if (unknown) return { error: `Unknown field "${unknown}"` }
  if (typeof body.id !== 'string' || !body.id) return { error: 'id must be a VM or server id' }
  if (body.state !== 'stopped' && body.state !== 'running') {
    return { error: 'state must be "stopped" or "running"' }
  }
  return { id: body.id, state: body.state }
}
