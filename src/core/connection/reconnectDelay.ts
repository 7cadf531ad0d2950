/** How a console retries after a dropped connection. */
export interface ReconnectPolicy {
  /** Attempts after a drop before giving up. Default 5. */
  maxAttempts?: number
  /** Delay before the first attempt. Default 1000 ms; doubles each time. */
  baseDelayMs?: number
  /** Upper bound of one delay. Default 30 000 ms. */
  maxDelayMs?: number
  /** Random spread, 0–1, so many consoles do not retry in lockstep. Default 0.2 (±20 %). */
  jitter?: number
}

export const DEFAULT_RECONNECT_POLICY: Required<ReconnectPolicy> = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  jitter: 0.2,
}

/** The wait before reconnect attempt `attempt` (1-based): exponential, capped, with jitter. */
export function reconnectDelay(
  attempt: number,
  policy: ReconnectPolicy = {},
  random: () => number = Math.random,
): number {
  const { baseDelayMs, maxDelayMs, jitter } = { ...DEFAULT_RECONNECT_POLICY, ...policy }
  const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1))
  const spread = Math.min(1, Math.max(0, jitter))
  return Math.max(0, Math.round(exponential * (1 + spread * (2 * random() - 1))))
}
