// The app's server: Next.js for pages and the POST route, the gateway for the console websockets
// (a route handler cannot take a websocket upgrade). Run it with Node 22.18+ (types are stripped).
import { createServer } from 'node:http'
import next from 'next'
import { gateway } from './gateway.ts'

const port = Number(process.env.PORT ?? 3000)
const hostname = process.env.HOSTNAME ?? 'localhost'
const dev = process.env.NODE_ENV !== 'production'

// Next adds its own `upgrade` listener to `httpServer`, or else to the server of the first request
// it handles, and that listener ends every upgrade whose path is a route (/api/consoles is one).
// So it gets a server of its own that never listens; we pass it only the upgrades it should see.
const nextUpgrades = createServer()
const app = next({ dev, dir: import.meta.dirname, hostname, port, httpServer: nextUpgrades })
await app.prepare()
const handle = app.getRequestHandler()

const server = createServer((request, response) => void handle(request, response))
server.on('upgrade', (request, socket, head) => {
  if (gateway.upgrade(request, socket, head)) return
  // In development Next's hot reloading is a websocket; in production nothing else takes one.
  if (dev) nextUpgrades.emit('upgrade', request, socket, head)
  else socket.destroy()
})
server.listen(port, hostname, () => {
  console.log(`> Ready on http://${hostname}:${port}`)
})

async function shutdown() {
  server.close()
  server.closeAllConnections()
  await gateway.close()
  await app.close()
  process.exit(0)
}
process.once('SIGTERM', () => void shutdown())
process.once('SIGINT', () => void shutdown())
