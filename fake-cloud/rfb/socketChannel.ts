import type { Socket } from 'node:net'
import type { RfbChannel } from './RfbChannel.ts'

/** An RfbChannel over a TCP socket. `close()` ends politely, then destroys if the peer lingers. */
export function socketChannel(socket: Socket): RfbChannel {
  socket.setNoDelay(true)
  return {
    write: (data) => {
      if (!socket.destroyed && socket.writable) socket.write(data)
    },
    close: () => {
      if (socket.destroyed) return
      socket.end()
      setTimeout(() => socket.destroy(), 1000).unref()
    },
    onData: (listener) => socket.on('data', listener),
    onClose: (listener) => {
      socket.on('close', () => listener())
      // An error is followed by 'close'; listening here only keeps it from being thrown.
      socket.on('error', () => {})
    },
  }
}
