// Shapes of the Redis store: the clients it accepts and its options. Structural only, so the
// package never imports `redis` or `ioredis` (the portal brings whichever it uses).
// (Types only, so they live together; every runtime export has its own file.)

/** A connected node-redis v4/v5 client (`createClient()`, after `await client.connect()`). */
export interface NodeRedisLikeClient {
  sendCommand(args: string[]): Promise<unknown>
}

/** An ioredis client (`new Redis()`, or an ioredis `Cluster`). */
export interface IoRedisLikeClient {
  call(command: string, ...args: string[]): Promise<unknown>
}

export type RedisLikeClient = NodeRedisLikeClient | IoRedisLikeClient

export interface RedisGatewayStoreOptions {
  /** Connected and owned by the portal: the store never connects, quits or disconnects it. */
  client: RedisLikeClient
  /**
   * Starts every key, in braces (`{rvc}:ticket:…`): one hash tag, so all keys share a Redis
   * Cluster slot and the one multi-key script (lease renewal) runs there too. Default `rvc`.
   * Give replica sets that must not share tickets or limits different prefixes.
   */
  prefix?: string
}
