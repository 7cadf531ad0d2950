import { WebSocket } from 'ws'

/**
 * Opens a console websocket from Node (where a test can set `Origin`, as a browser cannot) and
 * answers how the upgrade went: 101 when it opened (then closes it), else the refusal's HTTP status.
 */
export function upgradeStatus(url: string, options: { origin?: string } = {}): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(url, options.origin ? { origin: options.origin } : {})
    ws.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => {
      resolve(101)
      ws.close()
    })
    // Before an answer: no server there. After one: terminate()'s own error, already settled.
    ws.on('error', reject)
  })
}
