import { isRecord } from './isRecord.ts'
import type { FakeFaults } from './types.ts'

type FaultRequest = {
  patch: Partial<FakeFaults>
  /** One-shot actions that ride along with a patch. */
  dropConnections: boolean
  reset: boolean
}

const nonNegativeInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0

/** Validates a `POST /__fake/faults` body; an error message instead of a half-applied patch. */
export function parseFaultPatch(body: unknown): FaultRequest | { error: string } {
  if (!isRecord(body)) return { error: 'Expected a JSON object' }
  const patch: Partial<FakeFaults> = {}
  for (const [key, value] of Object.entries(body)) {
    switch (key) {
      case 'latencyMs':
      case 'failNext':
        if (!nonNegativeInteger(value)) return { error: `${key} must be a non-negative integer` }
        patch[key] = value
        break
      case 'failStatus':
        if (!nonNegativeInteger(value) || value < 500 || value > 599) {
          return { error: 'failStatus must be 500–599' }
        }
        patch.failStatus = value
        break
      case 'rejectTokens':
      case 'throttle':
        if (typeof value !== 'boolean') return { error: `${key} must be a boolean` }
        patch[key] = value
        break
      case 'vncPassword':
        if (value !== null && typeof value !== 'string') {
          return { error: 'vncPassword must be a string or null' }
        }
        patch.vncPassword = value === '' ? null : value
        break
      case 'dropConnections':
      case 'reset':
        if (typeof value !== 'boolean') return { error: `${key} must be a boolean` }
        break
      default:
        return { error: `Unknown fault "${key}"` }
    }
  }
  return { patch, dropConnections: body.dropConnections === true, reset: body.reset === true }
}
