import http from 'node:http'
import http2 from 'node:http2'
import net from 'node:net'
import tls from 'node:tls'
import { selfSignedCertificate } from '../../test/support/selfSignedCertificate.ts'

// Hop-by-hop headers, which HTTP/2 forbids and a proxy does not forward.
const HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']

/**
 * TLS in front of the HTTP/1.1 server at `target` (`http://127.0.0.1:port`), as a portal's
 * front would terminate it: HTTP/2 for browsers that offer it (ALPN), HTTP/1.1 otherwise, and
 * websocket upgrades (over HTTP/1.1: no RFC 8441, as most fronts) passed through as bytes.
 * Self-signed: the browser context must ignore certificate errors.
 */
export async function startTlsFront(target: string) {
  const { hostname, port } = new URL(target)
  const agent = new http.Agent({ keepAlive: true })
  const forward = (
    request: http.IncomingMessage | http2.Http2ServerRequest,
    response: http.ServerResponse | http2.Http2ServerResponse,
  ) => {
    const headers: http.OutgoingHttpHeaders = {}
    for (const [name, value] of Object.entries(request.headers)) {
      if (!name.startsWith(':') && !HOP.includes(name)) headers[name] = value
    }
    headers.host = String(request.headers[':authority'] ?? request.headers.host ?? '')
    headers['x-forwarded-proto'] = 'https'
    const upstream = http.request(
      { host: hostname, port, method: request.method, path: request.url, headers, agent },
      (answer) => {
        const out: http.OutgoingHttpHeaders = {}
        for (const [name, value] of Object.entries(answer.headers)) {
          if (!HOP.includes(name)) out[name] = value
        }
        // The same call on both kinds of response; TypeScript cannot merge their overloads.
        ;(response as http.ServerResponse).writeHead(answer.statusCode ?? 502, out)
        answer.pipe(response as NodeJS.WritableStream)
      },
    )
    upstream.on('error', () => response.destroy())
    request.pipe(upstream)
  }
  const sockets = new Set<net.Socket>()
  const track = (socket: net.Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  }
  const h2 = http2.createServer({}, forward)
  const h1 = http.createServer(forward)
  h1.on('upgrade', (request, socket, head) => {
    const upstream = net.connect(Number(port), hostname, () => {
      const lines = [`${request.method} ${request.url} HTTP/1.1`]
      for (let i = 0; i < request.rawHeaders.length; i += 2) {
        lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`)
      }
      upstream.write(`${lines.join('\r\n')}\r\nX-Forwarded-Proto: https\r\n\r\n`)
      upstream.write(head)
      socket.pipe(upstream).pipe(socket)
    })
    track(upstream)
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  const server = tls.createServer(
    { ...selfSignedCertificate(), ALPNProtocols: ['h2', 'http/1.1'] },
    (socket) => {
      track(socket)
      socket.on('error', () => socket.destroy())
      if (socket.alpnProtocol === 'h2') h2.emit('connection', socket)
      else h1.emit('connection', socket)
    },
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as net.AddressInfo
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        agent.destroy()
        h1.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
