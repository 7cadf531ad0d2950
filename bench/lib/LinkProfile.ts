/**
 * A simulated network link between the browser and every server it talks to: the round trip
 * (half of it each way) and the bandwidth, shared by all connections in each direction.
 */
export interface LinkProfile {
  name: string
  rttMs: number
  /** Megabits per second each way; Infinity: no cap. */
  mbitPerS: number
}
