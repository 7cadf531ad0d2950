/**
 * A VM's power state, the same for every cloud. `starting`, `stopping` and `restarting` are on the
 * way to another state; `unknown` is anything the cloud says that we cannot map (never a guess).
 */
export type VmState =
  | 'running'
  | 'stopped'
  | 'suspended'
  | 'starting'
  | 'stopping'
  | 'restarting'
  | 'deleted'
  | 'unknown'
