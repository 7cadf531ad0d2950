import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

export type TestHandler = (request: RecordedRequest, response: ServerResponse) => unknown

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  url: string
  requests: RecordedRequest[]
  /** Replaces how the server answers. */
  handle(handler: TestHandler): void
  close(): Promise<void>
}

/** A real HTTP server on loopback whose answers each test scripts, and which records every request. */
export async function startTestServer(handler?: TestHandler): Promise<TestServer> {
  let current: TestHandler =
    handler ??
    ((_, response) => {
      response.writeHead(500).end()
    })
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(recorded)
      Promise.resolve(current(recorded, res)).catch(() => res.destroy())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      current = next
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
