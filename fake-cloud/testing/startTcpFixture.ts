import { createServer } from 'node:net'
import type { AddressInfo, Socket } from 'node:net'

/**
 * A TCP stand-in for a VNC server: records what each connection receives, optionally sends
 * `greeting` on connect and/or echoes. Tests compare bytes at both ends of the relay.
 */
export async function startTcpFixture(options: { greeting?: Buffer; echo?: boolean } = {}) {
  const connections: { socket: Socket; received: Buffer[] }[] = []
  const server = createServer((socket) => {
    const connection = { socket, received: [] as Buffer[] }
    connections.push(connection)
    socket.on('error', () => {})
    socket.on('data', (chunk) => {
      connection.received.push(chunk)
      if (options.echo) socket.write(chunk)
    })
    if (options.greeting) socket.write(options.greeting)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    target: `127.0.0.1:${port}`,
    connections,
    received: (index = 0) => Buffer.concat(connections[index]?.received ?? []),
    /** Resolves once connection `index` has received `bytes` bytes. */
    async waitForReceived(bytes: number, index = 0) {
      while (Buffer.concat(connections[index]?.received ?? []).length < bytes) {
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const { socket } of connections) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
