/** A cloud's task (CloudTower) or job (ECS) that carries out a power action, as last read. */
export interface PowerTask {
  status: 'pending' | 'running' | 'succeeded' | 'failed'
  /** The cloud's own value: `EXECUTING`, `SUCCESSED`, `RUNNING`, `FAIL`… */
  cloudStatus: string
  /** The cloud's error code when it failed (`error_code`). */
  code?: string
  /** The cloud's reason when it failed (`error_message`, `fail_reason`). */
  reason?: string
}
