import type { IncomingMessage } from 'node:http'

/** A node request's headers as one string each (repeated ones joined), as GatewayRequest has them. */
export function nodeHeaders(message: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(message.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}
