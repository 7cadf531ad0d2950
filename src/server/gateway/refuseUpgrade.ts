import type { Duplex } from 'node:stream'
import type { Reply } from './types.js'

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/** An upgrade refused the HTTP way (what browsers and noVNC see as a failed handshake). */
export function refuseUpgrade(socket: Duplex, reply: Reply) {
  if (socket.destroyed) return
  const text = JSON.stringify(reply.body)
  const extra = Object.entries(reply.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')
  socket.end(
    `HTTP/1.1 ${reply.status} ${REASONS[reply.status] ?? 'Error'}\r\nConnection: close\r\n` +
      `Cache-Control: no-store\r\nContent-Type: application/json; charset=utf-8\r\n${extra}` +
      `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  )
}
