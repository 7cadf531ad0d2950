import type { RawData, WebSocket } from 'ws'
import type { RfbChannel } from './RfbChannel.ts'

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return data
}

/**
 * An RfbChannel over a `ws` WebSocket: each write is one binary frame, and frames are only a
 * transport — RFB messages may span or share them, which the session's parser handles.
 */
export function webSocketChannel(socket: WebSocket): RfbChannel {
  socket.binaryType = 'nodebuffer'
  return {
    write: (data) => {
      if (socket.readyState === socket.OPEN) socket.send(data, { binary: true })
    },
    close: () => {
      if (socket.readyState === socket.CLOSED) return
      socket.close(1000)
      setTimeout(() => socket.terminate(), 1000).unref()
    },
    // noVNC sends binary frames; a text frame's bytes are taken as they are.
    onData: (listener) => socket.on('message', (data) => listener(toBytes(data))),
    onClose: (listener) => {
      socket.on('close', () => listener())
      socket.on('error', () => {})
    },
  }
}
