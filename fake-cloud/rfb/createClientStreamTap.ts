import { ByteQueue } from './ByteQueue.ts'
import { parseClientMessage } from './parseClientMessage.ts'
import type { RfbClientMessage } from './RfbClientMessage.ts'

/**
 * Reads a client's side of an RFB stream as it passes a relay: the handshake (version, the chosen
 * security type, a VNC-auth response, ClientInit), then every client message, handed to
 * `onMessage`. For tests that check what reached a real VNC server (QEMU, Xvnc). After bytes it
 * cannot parse it stops reading and records why in `error` (the relay itself is unaffected).
 */
export function createClientStreamTap(onMessage: (message: RfbClientMessage) => void): {
  push(chunk: Uint8Array): void
  readonly error: string | undefined
} {
  const queue = new ByteQueue()
  let step: 'version' | 'security' | 'auth' | 'init' | 'messages' = 'version'
  let error: string | undefined
  const advance = () => {
    for (;;) {
      if (step === 'version') {
        if (!queue.has(12)) return
        const version = new TextDecoder().decode(queue.take(12))
        // RFB 3.3: the server picks the security type, the client sends none.
        step = version.startsWith('RFB 003.003') ? 'init' : 'security'
      } else if (step === 'security') {
        if (!queue.has(1)) return
        step = queue.take(1)[0] === 2 ? 'auth' : 'init'
      } else if (step === 'auth') {
        if (!queue.has(16)) return
        queue.skip(16)
        step = 'init'
      } else if (step === 'init') {
        if (!queue.has(1)) return
        queue.skip(1)
        step = 'messages'
      } else {
        const message = parseClientMessage(queue)
        if (!message) return
        onMessage(message)
      }
    }
  }
  return {
    push(chunk) {
      if (error) return
      queue.push(chunk)
      try {
        advance()
      } catch (cause) {
        error = cause instanceof Error ? cause.message : String(cause)
      }
    },
    get error() {
      return error
    },
  }
}
