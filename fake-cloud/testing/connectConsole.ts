import { WebSocket } from 'ws'

/**
 * Opens a console websocket like noVNC does (binary, optional `binary` subprotocol). Resolves
 * with the open socket and its received bytes, or rejects with the HTTP status of a refusal.
 */
export function connectConsole(url: string, protocols: string[] = ['binary']) {
  return new Promise<{
    ws: WebSocket
    received: () => Buffer
    waitForBytes(count: number): Promise<Buffer>
    closed: Promise<{ code: number; reason: string }>
  }>((resolve, reject) => {
    const ws = new WebSocket(url, protocols)
    const chunks: Buffer[] = []
    const closed = new Promise<{ code: number; reason: string }>((resolveClose) =>
      ws.on('close', (code, reason) => resolveClose({ code, reason: reason.toString() })),
    )
    ws.on('message', (data: Buffer) => chunks.push(data))
    ws.on('unexpected-response', (_request, response) => {
      reject(
        Object.assign(new Error(`HTTP ${response.statusCode}`), { status: response.statusCode }),
      )
      ws.terminate()
    })
    ws.on('error', reject)
    ws.on('open', () =>
      resolve({
        ws,
        received: () => Buffer.concat(chunks),
        async waitForBytes(count) {
          while (Buffer.concat(chunks).length < count) {
            if (ws.readyState === ws.CLOSED) throw new Error('closed before enough bytes')
            await new Promise((r) => setTimeout(r, 5))
          }
          return Buffer.concat(chunks)
        },
        closed,
      }),
    )
  })
}
