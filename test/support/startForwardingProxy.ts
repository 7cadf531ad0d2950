// A reverse proxy on loopback as balancers in front of a portal are: each HTTP request goes to
// the backend on a connection of its own, with the client's address appended to
// X-Forwarded-For (or to Forwarded, RFC 7239). Clients may be told apart by their loopback
// address (127.0.0.2, 127.0.0.3…): Linux routes all of 127/8 to lo.
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

export async function startForwardingProxy(
  backendPort: number,
  header: 'x-forwarded-for' | 'forwarded' = 'x-forwarded-for',
) {
  const server = createServer((incoming, outgoing) => {
    const client = incoming.socket.remoteAddress ?? 'unknown'
    const before = incoming.headers[header]
    const entry = header === 'forwarded' ? `for=${client}` : client
    const upstream = request(
      {
        host: '127.0.0.1',
        port: backendPort,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, [header]: before ? `${before}, ${entry}` : entry },
        agent: false,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(outgoing)
      },
    )
    upstream.on('error', () => outgoing.destroy())
    incoming.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(resolve))
    },
  }
}
