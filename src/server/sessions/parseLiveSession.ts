import type { LiveSession } from './types.js'

/**
 * A session read back from the store, or undefined when it is not one (the store is shared:
 * never trust its text blindly).
 */
export function parseLiveSession(text: string): LiveSession | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const { sessionId, user, provider, vmId, mode, replica, startedAt, address } = value as Record<
    string,
    unknown
  >
  if (
    typeof sessionId !== 'string' ||
    typeof user !== 'string' ||
    (provider !== 'cloudtower' && provider !== 'ecs') ||
    typeof vmId !== 'string' ||
    (mode !== 'control' && mode !== 'observe') ||
    typeof replica !== 'string' ||
    typeof startedAt !== 'string'
  ) {
    return undefined
  }
  return {
    sessionId,
    user,
    provider,
    vmId,
    mode,
    replica,
    startedAt,
    ...(typeof address === 'string' && { address }),
  }
}
