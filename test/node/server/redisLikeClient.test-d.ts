// Which clients the Redis store's structural types take, checked by `tsc` (npm run typecheck):
// a client that stops fitting, or a node-redis cluster that starts to, fails the type check.
// (redisGatewayStore.test.ts proves the accepted ones also work.)
import type { Cluster, Redis } from 'ioredis'
import type { createClient, createCluster } from 'redis'
import type { RedisLikeClient } from '../../../src/server/redis/types.js'

export type Accepted = [
  ReturnType<typeof createClient> extends RedisLikeClient ? true : never,
  Redis extends RedisLikeClient ? true : never,
  Cluster extends RedisLikeClient ? true : never,
]
export const accepted: Accepted = [true, true, true]

// Its sendCommand takes (firstKey, isReadonly, args), which the store does not send.
export const refused: ReturnType<typeof createCluster> extends RedisLikeClient ? never : true = true
