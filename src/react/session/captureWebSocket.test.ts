import { afterEach, describe, expect, it } from 'vitest'
import { captureWebSocket } from './captureWebSocket.js'

const Native = globalThis.WebSocket
const sockets: WebSocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) {
    // Closing before the handshake ends is reported as an error event; nothing listens but us.
    socket.onerror = () => {}
    socket.close()
  }
})

describe('captureWebSocket', () => {
  it('returns the socket the call opened, a real WebSocket, and restores the global', () => {
    const socket = captureWebSocket(() => {
      sockets.push(new WebSocket('ws://127.0.0.1:9/x', ['binary']))
    })
    expect(socket).toBe(sockets[0])
    expect(socket).toBeInstanceOf(Native)
    // noVNC refuses a socket whose own prototype lacks WebSocket's members (a subclass's would).
    expect(Object.getPrototypeOf(socket)).toBe(Native.prototype)
    expect(socket?.url).toBe('ws://127.0.0.1:9/x')
    expect(globalThis.WebSocket).toBe(Native)
  })

  it('returns undefined when nothing was opened, and restores the global after a throw', () => {
    expect(captureWebSocket(() => {})).toBeUndefined()
    expect(() =>
      captureWebSocket(() => {
        throw new Error('boom')
      }),
    ).toThrow('boom')
    expect(globalThis.WebSocket).toBe(Native)
  })
})
