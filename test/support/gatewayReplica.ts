// One console gateway replica as its own process, as a portal would run it behind a load
// balancer: node:http, createConsoleGateway on a Redis store, the fake cloud's CloudTower as the
// provider. Started by startGatewayReplica() with Node 22 (node_modules/.bin/node), it reports
// `{ port }` over IPC, answers `{ type: 'stats' }` with the gateway's stats and its Redis round
// trips, and exits when its parent goes.
//
// It runs the TypeScript sources as they are (Node 22 strips the types, resolveTsFromJs finds
// them): nothing is built first, and the code under test is exactly the code in src/.
import './resolveTsFromJs.ts'
import type { AddressInfo } from 'node:net'

export interface GatewayReplicaConfig {
  name: string
  redisUrl: string
  /** Which Redis client this replica brings: both must interoperate on one store. */
  client: 'node-redis' | 'ioredis'
  cloudUrl: string
  cloudToken: string
  limits?: Record<string, number>
}

/** Every message the replica sends its parent. */
export type GatewayReplicaMessage =
  | { port: number }
  | { stats: Record<string, number>; roundTrips: Record<string, number> }
  /** Every audit event, as it is emitted. */
  | { audit: Record<string, unknown> }

if (process.env.GATEWAY_REPLICA) await runReplica(JSON.parse(process.env.GATEWAY_REPLICA))

async function runReplica(config: GatewayReplicaConfig) {
  const { createServer } = await import('node:http')
  const { createConsoleGateway } = await import('../../src/server/createConsoleGateway.ts')
  const { createRedisGatewayStore } =
    await import('../../src/server/redis/createRedisGatewayStore.ts')
  const send = (message: GatewayReplicaMessage) => process.send?.(message)

  // Round trips to Redis, by command, counted at the client the store is given.
  const roundTrips: Record<string, number> = {}
  const count = (command: string) => {
    const name = command.toUpperCase()
    roundTrips[name] = (roundTrips[name] ?? 0) + 1
  }
  let client: Parameters<typeof createRedisGatewayStore>[0]['client']
  let quit: () => Promise<unknown>
  if (config.client === 'ioredis') {
    const { Redis } = await import('ioredis')
    const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
    await redis.connect()
    client = {
      call: (command: string, ...args: string[]) => (count(command), redis.call(command, ...args)),
    }
    quit = () => redis.quit()
  } else {
    const { createClient } = await import('redis')
    const redis = createClient({ url: config.redisUrl })
    redis.on('error', () => {})
    await redis.connect()
    client = {
      sendCommand: (args: string[]) => (count(args[0] ?? ''), redis.sendCommand(args)),
    }
    quit = () => redis.close()
  }

  const gateway = createConsoleGateway({
    store: createRedisGatewayStore({ client }),
    providers: { cloudtower: { endpoint: config.cloudUrl, token: config.cloudToken } },
    authorize: (request) => ({ user: request.headers['x-user'] ?? 'anonymous' }),
    limits: config.limits,
    replica: config.name,
    logger: { error: (message) => console.error(`[${config.name}] ${message}`) },
    audit: (event) => void send({ audit: { ...event } }),
  })
  const server = createServer((request, response) => void gateway.handleRequest(request, response))
  server.on('upgrade', (request, socket, head) => {
    if (!gateway.upgrade(request, socket, head)) socket.destroy()
  })
  server.listen(0, '127.0.0.1', () => send({ port: (server.address() as AddressInfo).port }))

  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stats') send({ stats: { ...gateway.stats }, roundTrips })
  })
  // The parent went (or asked us to stop): no orphan keeps ports or a Redis connection.
  process.once('disconnect', () => {
    void gateway
      .close()
      .then(() => quit())
      .finally(() => process.exit(0))
    setTimeout(() => process.exit(0), 3_000).unref()
  })
}
