import { createConnection } from 'node:net'
import { parseHostPort } from './parseHostPort.ts'

/**
 * A hard reset of a real QEMU guest through its QMP socket (a unix path, or `host:port` for
 * `-qmp tcp:…`): the `qmp_capabilities` handshake, then `system_reset`. Resolves on QEMU's
 * `{"return":{}}`; rejects on an `error` answer, a closed socket, or after `timeoutMs`.
 */
export function qmpSystemReset(target: string, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = /^[^/].*:\d+$/.test(target)
      ? createConnection(parseHostPort(target))
      : createConnection(target)
    let buffered = ''
    let step: 'greeting' | 'capabilities' | 'reset' = 'greeting'
    const finish = (error?: Error) => {
      clearTimeout(timer)
      socket.destroy()
      if (error) reject(error)
      else resolve()
    }
    const timer = setTimeout(() => finish(new Error(`QMP ${target}: no answer`)), timeoutMs)
    socket.on('error', (error) => finish(error))
    socket.on('close', () => finish(new Error(`QMP ${target}: closed`)))
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      buffered += chunk
      let newline: number
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline).trim()
        buffered = buffered.slice(newline + 1)
        if (!line) continue
        const message = JSON.parse(line) as Record<string, unknown>
        if (message.event) continue // asynchronous events (RESET…) interleave with answers
        if (message.error) return finish(new Error(`QMP ${target}: ${JSON.stringify(message)}`))
        if (step === 'greeting' && message.QMP) {
          step = 'capabilities'
          socket.write('{"execute":"qmp_capabilities"}\n')
        } else if (step === 'capabilities' && message.return) {
          step = 'reset'
          socket.write('{"execute":"system_reset"}\n')
        } else if (step === 'reset' && message.return) {
          return finish()
        }
      }
    })
  })
}
