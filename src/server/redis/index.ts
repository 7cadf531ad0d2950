// The Node entry point `react-vm-console/server/redis`: a GatewayStore on a Redis the portal owns.
export { createRedisGatewayStore } from './createRedisGatewayStore.js'
export type {
  IoRedisLikeClient,
  NodeRedisLikeClient,
  RedisGatewayStoreOptions,
  RedisLikeClient,
} from './types.js'
export type { GatewayStore } from '../store/GatewayStore.js'
