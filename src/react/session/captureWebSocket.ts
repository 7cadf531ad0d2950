/**
 * Runs `open` and returns the WebSocket it constructed, if any. noVNC opens its socket
 * synchronously inside `connect()` and keeps it private; seeing it ourselves lets the screen
 * tell how far a failed connection got and close it with a proper code, without reading noVNC's
 * internals. The global is swapped only for the duration of the synchronous call.
 */
export function captureWebSocket(open: () => void): WebSocket | undefined {
  const Native = globalThis.WebSocket
  if (typeof Native !== 'function') {
    open()
    return undefined
  }
  let created: WebSocket | undefined
  // A Proxy, not a subclass: noVNC checks the socket's own prototype for WebSocket's members.
  globalThis.WebSocket = new Proxy(Native, {
    construct(target, args: ConstructorParameters<typeof WebSocket>) {
      const socket = new target(...args)
      created ??= socket
      return socket
    },
  })
  try {
    open()
  } finally {
    globalThis.WebSocket = Native
  }
  return created
}
