import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Disposer } from './Disposer.ts'

/**
 * `createConsoleGateway` from the package's server entry (src/server/index.ts, run as it is
 * through test/support/resolveTsFromJs.ts) on a node:http server in front of the fake CloudTower,
 * at `/consoles`. The bench page's servers proxy `/consoles` to it, so the page reaches it on its
 * own origin as a portal would. Limits are raised: the bench opens many consoles as one user.
 */
export async function startBenchGateway(
  disposer: Disposer,
  cloudUrl: string,
  token: string,
): Promise<string> {
  await import('../../test/support/resolveTsFromJs.ts')
  const { createConsoleGateway } = await import('../../src/server/index.ts')
  const many = 100_000
  const gateway = createConsoleGateway({
    authorize: () => ({ user: 'bench' }),
    providers: { cloudtower: { endpoint: cloudUrl, token } },
    path: '/consoles',
    limits: {
      maxRelaysPerUser: 1000,
      requestsPerMinute: many,
      requestsPerMinutePerUser: many,
      stateRequestsPerMinutePerUser: many,
      refusalsPerMinutePerAddress: many,
    },
  })
  const server = createServer((request, response) => void gateway.handleRequest(request, response))
  server.on('upgrade', (request, socket, head) => {
    if (!gateway.upgrade(request, socket, head)) socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  disposer.add('gateway', async () => {
    await gateway.close()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
