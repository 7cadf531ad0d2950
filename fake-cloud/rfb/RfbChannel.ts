/**
 * A duplex byte pipe that carries one RFB connection: a TCP socket, a WebSocket, or an in-memory
 * pair in tests. `close()` should flush what was written first (a failure reason must arrive).
 */
export interface RfbChannel {
  write(data: Uint8Array): void
  close(): void
  onData(listener: (chunk: Uint8Array) => void): void
  onClose(listener: () => void): void
}
