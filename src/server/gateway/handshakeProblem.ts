import type { IncomingMessage } from 'node:http'
import { tokenList } from './tokenList.js'

// Sec-WebSocket-Key: base64 of 16 bytes.
const WS_KEY = /^[+/0-9A-Za-z]{22}==$/

/** Why this websocket handshake is malformed (what ws would refuse with a 400), or null. */
export function handshakeProblem(
  request: IncomingMessage,
): { message: string; headers?: Record<string, string> } | null {
  const { headers } = request
  if (request.method !== 'GET') return { message: 'A websocket handshake must be a GET.' }
  if (headers.upgrade?.toLowerCase() !== 'websocket')
    return { message: 'The Upgrade header must be websocket.' }
  const key = headers['sec-websocket-key']
  if (typeof key !== 'string' || !WS_KEY.test(key))
    return { message: 'Missing or invalid Sec-WebSocket-Key header.' }
  if (headers['sec-websocket-version'] !== '13') {
    return {
      message: 'Missing or unsupported Sec-WebSocket-Version header (13 is supported).',
      headers: { 'sec-websocket-version': '13' },
    }
  }
  const protocol = headers['sec-websocket-protocol']
  if (protocol !== undefined) {
    const protocols = tokenList(protocol)
    if (!protocols || new Set(protocols).size !== protocols.length)
      return {
        message: 'Invalid Sec-WebSocket-Protocol header (subprotocols must be unique tokens).',
      }
  }
  return null
}
