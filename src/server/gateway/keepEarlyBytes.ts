import type { Duplex } from 'node:stream'

// What a client may send before its 101 (browsers send nothing).
const MAX_EARLY_BYTES = 64 * 1024

/** An upgrade socket watched between its request and the 101. */
export interface EarlyBytes {
  /** Everything read so far (with the upgrade's `head`), for the websocket to read first. */
  bytes(): Buffer
  /** Whether the client left (FIN or close). */
  readonly gone: boolean
  /** Called when the client leaves from now on (instead of only noting it). */
  onGone(listener: () => void): void
  /** Stops reading the socket and watching it. */
  detach(): void
}

/**
 * Reads an upgrade socket while the gateway waits (store, console proxy), so that a browser that
 * leaves is seen: its FIN raises `end` on an upgrade socket (HTTP sockets allow half-open), not
 * `close`, and only reading lets it arrive. Browsers send nothing before the 101; any byte read
 * is kept for the websocket, and a client that streams past 64 KiB is cut off, not buffered.
 */
export function keepEarlyBytes(socket: Duplex, head: Buffer): EarlyBytes {
  const early: Buffer[] = head.length > 0 ? [head] : []
  let earlyBytes = head.length
  let gone = false
  let listener: (() => void) | undefined
  const left = () => {
    gone = true
    listener?.()
  }
  const keep = (chunk: Buffer) => {
    early.push(chunk)
    earlyBytes += chunk.length
    if (earlyBytes > MAX_EARLY_BYTES) socket.destroy()
  }
  socket.on('data', keep)
  socket.once('end', left)
  socket.once('close', left)
  return {
    bytes: () => Buffer.concat(early),
    get gone() {
      return gone
    },
    onGone(next) {
      listener = next
    },
    detach() {
      socket.off('data', keep)
      socket.off('end', left)
      socket.off('close', left)
    },
  }
}
