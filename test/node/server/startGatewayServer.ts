import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocket } from 'ws'
import { createConsoleGateway } from '../../../src/server/createConsoleGateway.js'
import type { ConsoleGatewayOptions } from '../../../src/server/types.js'

/** What the gateway answers: a ticket URL or an error. */
type Answer = {
  url: string
  expiresInMs: number
  error: { kind: string; message: string; retryable: boolean; code?: string }
}

/** Everything the browser side received, so a test can look for leaked secrets in it. */
export const seenByBrowser: string[] = []

/** A node:http server with a console gateway on `/consoles`, as a portal would mount it. */
export async function startGatewayServer(options: ConsoleGatewayOptions) {
  const gateway = createConsoleGateway(options)
  const server = createServer((request, response) => {
    void gateway.handleRequest(request, response, () => {
      response.writeHead(404).end('portal page')
    })
  })
  server.on('upgrade', (request, socket, head) => {
    if (!gateway.upgrade(request, socket, head)) socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`

  /** POST {path} as the browser does; returns status, headers and parsed body. */
  async function ask(
    body: unknown,
    init: { origin?: string | null; path?: string; contentType?: string } = {},
  ) {
    const headers: Record<string, string> = {
      'content-type': init.contentType ?? 'application/json',
    }
    if (init.origin !== null) headers.origin = init.origin ?? url
    const response = await fetch(`${url}${init.path ?? '/consoles'}`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await response.text()
    const headerText = [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n')
    seenByBrowser.push(headerText, text)
    return {
      status: response.status,
      headers: response.headers,
      body: JSON.parse(text) as Answer,
    }
  }

  /** Opens the gateway websocket like noVNC; resolves when open, rejects with the refusal's status. */
  function open(socketPath: string, origin: string | null = url) {
    return new Promise<{
      ws: WebSocket
      received: () => Buffer
      waitFor(n: number): Promise<Buffer>
      closed: Promise<number>
    }>((resolve, reject) => {
      const ws = new WebSocket(
        `${url.replace('http', 'ws')}${socketPath}`,
        ['binary'],
        origin === null ? {} : { origin },
      )
      const chunks: Buffer[] = []
      const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)))
      ws.on('message', (data: Buffer) => chunks.push(data))
      ws.on('upgrade', (response) => seenByBrowser.push(JSON.stringify(response.headers)))
      ws.on('unexpected-response', (_request, response) => {
        let text = ''
        response.on('data', (c: Buffer) => (text += c.toString()))
        response.on('end', () => {
          seenByBrowser.push(JSON.stringify(response.headers), text)
          reject(
            Object.assign(new Error(`HTTP ${response.statusCode}`), {
              status: response.statusCode,
              body: text,
            }),
          )
        })
      })
      ws.on('error', reject)
      ws.on('open', () =>
        resolve({
          ws,
          received: () => Buffer.concat(chunks),
          async waitFor(n) {
            while (Buffer.concat(chunks).length < n) {
              if (ws.readyState === ws.CLOSED) throw new Error('closed early')
              await new Promise((r) => setTimeout(r, 5))
            }
            return Buffer.concat(chunks)
          },
          closed,
        }),
      )
    })
  }

  return {
    gateway,
    server,
    url,
    ask,
    open,
    async close() {
      await gateway.close()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
