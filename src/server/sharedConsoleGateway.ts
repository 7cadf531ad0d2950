import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { ConsoleError } from '../core/errors/ConsoleError.js'
import { createConsoleGateway } from './createConsoleGateway.js'
import { emptyGatewayStats } from './gateway/emptyGatewayStats.js'
import { toGatewayError } from './toGatewayError.js'
import type { ConsoleGateway, ConsoleGatewayOptions, ConsoleGatewayStats } from './types.js'

// One slot per key on globalThis: a bundler may load this module twice in one process (a Next.js
// route handler bundle and the custom server), and tickets live in ONE gateway's memory.
const slots = globalThis as typeof globalThis & { [slot: symbol]: ConsoleGateway | undefined }

const IDLE_STATS: Readonly<ConsoleGatewayStats> = Object.freeze(emptyGatewayStats())

// 500, not the 502 of other `server` errors: the fault is this server's own, not a cloud's.
const NOT_CONFIGURED = {
  ...toGatewayError(
    new ConsoleError({
      kind: 'server',
      provider: 'vnc',
      message:
        'The console gateway is not configured on this server. Tell the portal administrator.',
      // An operator has to act (a secret, an option); the browser trying again changes nothing.
      retryable: false,
    }),
  ),
  status: 500,
}
const HEADERS = { 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' }

/**
 * A console gateway created on first use, not at import: `init` (which reads secrets) runs when
 * the first request arrives, so `next build` and other import-time evaluation need no secret.
 * Every call with the same `key` in one process uses the same gateway. If `init` or the gateway's
 * own checks throw, that request is answered with a 500 `server` error (and the cause logged with
 * console.error), and the next request tries again; `upgrade` then returns false and leaves the
 * socket to the caller. `close()` closes the shared gateway for every caller (it then refuses new
 * work, as any closed gateway does); on one never created it does nothing.
 */
export function sharedConsoleGateway(
  init: () => ConsoleGatewayOptions,
  key = 'default',
): ConsoleGateway {
  const slot = Symbol.for(`react-vm-console.gateway:${key}`)

  const existing = () => slots[slot]
  const gateway = (): ConsoleGateway => {
    const created = slots[slot]
    if (created) return created
    // Synchronous from here to the assignment: two first requests cannot create two gateways.
    const fresh = createConsoleGateway(init())
    slots[slot] = fresh
    return fresh
  }
  const report = (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error)
    console.error(
      `[react-vm-console/server] The console gateway "${key}" could not be created: ${reason}`,
    )
  }

  return {
    async handleRequest(
      request: IncomingMessage,
      response: ServerResponse,
      next?: (error?: unknown) => void,
    ) {
      let real: ConsoleGateway
      try {
        real = gateway()
      } catch (error) {
        report(error)
        // Without its options the gateway's path is unknown: a framework chain decides (Express
        // answers next(error) with a 500); alone, every request here was meant for the gateway.
        if (next) return next(error)
        if (!response.headersSent) response.writeHead(NOT_CONFIGURED.status, HEADERS)
        return void response.end(JSON.stringify(NOT_CONFIGURED.body))
      }
      return real.handleRequest(request, response, next)
    },
    async fetch(request: Request) {
      let real: ConsoleGateway
      try {
        real = gateway()
      } catch (error) {
        report(error)
        return new Response(JSON.stringify(NOT_CONFIGURED.body), {
          status: NOT_CONFIGURED.status,
          headers: HEADERS,
        })
      }
      return real.fetch(request)
    },
    upgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
      try {
        return gateway().upgrade(request, socket, head)
      } catch (error) {
        // Not ours to answer without a path: the caller's fallback ends the socket. No ticket
        // can exist anyway, since no gateway ever answered a console request.
        report(error)
        return false
      }
    },
    get stats() {
      return existing()?.stats ?? IDLE_STATS
    },
    async close() {
      await existing()?.close()
    },
  }
}
