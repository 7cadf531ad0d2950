import type { GatewayTlsOptions } from '../types.js'

/** Where one console's bytes go: the cloud's console socket (with its one-time token) and how to reach it. */
export interface UpstreamConsole {
  url: string
  /** The proxy's own origin: Nova-derived proxies refuse any other. */
  origin: string
}

/** A configured cloud: one-time console sockets on demand, and the secrets logs must never show. */
export interface ConsoleSource {
  open(id: string, signal: AbortSignal): Promise<UpstreamConsole>
  secrets(): (string | undefined)[]
  /** How to reach its console sockets (the same for every console of this cloud). */
  readonly tls: GatewayTlsOptions
  close(): void
}
