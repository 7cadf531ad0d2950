import { connect } from 'node:net'
import type { RawData, WebSocket } from 'ws'
import { parseHostPort } from './parseHostPort.ts'

interface RelayHooks {
  toVnc?(bytes: number): void
  /** The client's bytes on their way to the VNC server (a test's tap on the RFB stream). */
  toVncData?(chunk: Buffer): void
  fromVnc?(bytes: number): void
  /** Called once, when both sides are done. */
  onEnd?(): void
}

// Backpressure bounds for VNC → browser: a frame-buffer burst must not buffer without limit.
const HIGH_WATER = 4 * 1024 * 1024
const LOW_WATER = 1024 * 1024

const toBuffer = (data: RawData): Buffer =>
  Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)

/**
 * Pipes an open console websocket to a TCP VNC server, byte for byte, like websockify: every
 * message becomes stream bytes, every chunk becomes one binary message. `drop()` is the abrupt
 * end (no close frame, so the browser sees 1006); a side closing normally closes the other.
 */
export function relayWebSocket(
  ws: WebSocket,
  target: string,
  hooks: RelayHooks = {},
): { drop(): void } {
  const { host, port } = parseHostPort(target)
  const tcp = connect({ host, port })
  tcp.setNoDelay(true)
  let ended = false
  const end = () => {
    if (ended) return
    ended = true
    hooks.onEnd?.()
  }

  ws.on('message', (data) => {
    const chunk = toBuffer(data)
    hooks.toVnc?.(chunk.length)
    hooks.toVncData?.(chunk)
    // Writes before the connection is up are queued by net.Socket.
    if (!tcp.write(chunk)) ws.pause()
  })
  tcp.on('drain', () => ws.resume())

  tcp.on('data', (chunk) => {
    hooks.fromVnc?.(chunk.length)
    ws.send(chunk, { binary: true }, () => {
      if (tcp.isPaused() && ws.bufferedAmount < LOW_WATER) tcp.resume()
    })
    if (ws.bufferedAmount > HIGH_WATER) tcp.pause()
  })

  let tcpFailed = false
  tcp.on('error', () => {
    tcpFailed = true
  })
  tcp.on('close', () => {
    if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) {
      // 1011: the VNC server is unreachable or failed; 1000: it hung up normally.
      ws.close(tcpFailed ? 1011 : 1000, tcpFailed ? 'VNC target unreachable' : 'VNC target closed')
    }
    if (ws.readyState === ws.CLOSED) end()
  })

  ws.on('error', () => {})
  ws.on('close', () => {
    if (tcp.destroyed) return end()
    // end() flushes bytes the client sent before closing; destroy covers a server that never hangs up.
    tcp.end()
    const timer = setTimeout(() => tcp.destroy(), 1000)
    tcp.once('close', () => {
      clearTimeout(timer)
      end()
    })
  })

  return {
    drop() {
      ws.terminate()
      tcp.destroy()
    },
  }
}
