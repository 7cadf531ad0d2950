import { randomBytes } from 'node:crypto'
import { listenRfbWebSocket } from '../../fake-cloud/rfb/listenRfbWebSocket.ts'
import type { RfbServerOptions } from '../../fake-cloud/rfb/RfbServer.ts'

/**
 * A real RFB server behind a websocket that, like a cloud console proxy, accepts each one-time
 * token once. `issue()` hands out a fresh URL; `upgrades` counts every socket that reached it.
 */
export async function startConsoleServer(options: RfbServerOptions = {}) {
  const valid = new Set<string>()
  const seen: string[] = []
  let refused = 0
  const listener = await listenRfbWebSocket({
    frozenClock: true,
    ...options,
    path: '/websockify',
    verifyRequest: (request) => {
      const token = new URL(request.url ?? '/', 'http://x').searchParams.get('token') ?? ''
      seen.push(token)
      const ok = valid.delete(token)
      if (!ok) refused++
      return ok
    },
  })
  return {
    listener,
    server: listener.server,
    /** Every token presented, accepted or not, in order. */
    seen,
    get refused() {
      return refused
    },
    issue(): string {
      const token = randomBytes(12).toString('base64')
      valid.add(token)
      return `${listener.url}?token=${encodeURIComponent(token)}`
    },
    close: () => listener.close(),
  }
}
