/** How a power mutation follows the cloud's task or job. */
export interface PowerFollowArgs {
  /** Between two reads of the task; default 1 000 ms. */
  intervalMs?: number | undefined
  /** For the whole task; default 300 000 ms. (`timeoutMs` is per request.) */
  taskTimeoutMs?: number | undefined
  /** Stops following the task (the action itself, once sent, is not undone). */
  signal?: AbortSignal | undefined
}
