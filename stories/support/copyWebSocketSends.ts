const PATCHED = Symbol.for('react-vm-console.stories.copy-websocket-sends')

/**
 * MSW's WebSocket interceptor delivers `send(view)` a microtask later without copying it, and
 * noVNC reuses its send buffer at once: mocked servers would read the NEXT message's bytes and
 * passed-through sockets (the live stories) would send them. Copying views at `send` time, as a
 * real WebSocket does, fixes both. Call after `worker.start()` has installed MSW's WebSocket.
 */
export function copyWebSocketSends(): void {
  const current = globalThis.WebSocket as typeof WebSocket & { [PATCHED]?: true }
  if (current[PATCHED]) return
  const patched = new Proxy(current, {
    construct(target, args: ConstructorParameters<typeof WebSocket>, newTarget) {
      const socket = Reflect.construct(target, args, newTarget) as WebSocket
      const send = socket.send.bind(socket)
      socket.send = (data) =>
        send(
          ArrayBuffer.isView(data)
            ? new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength))
            : data,
        )
      return socket
    },
    get(target, key, receiver) {
      return key === PATCHED ? true : Reflect.get(target, key, receiver)
    },
  })
  globalThis.WebSocket = patched
}
