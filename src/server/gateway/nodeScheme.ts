import type { IncomingMessage } from 'node:http'
import type { TLSSocket } from 'node:tls'
import { requestScheme } from '../requestScheme.js'

/** The scheme the browser used to reach a node request (see requestScheme). */
export function nodeScheme(
  message: IncomingMessage,
  headers: Record<string, string | undefined>,
): 'http:' | 'https:' {
  return requestScheme(
    headers['x-forwarded-proto'],
    Boolean((message.socket as TLSSocket).encrypted),
  )
}
