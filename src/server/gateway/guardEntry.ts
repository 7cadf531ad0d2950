import type { IncomingMessage } from 'node:http'
import { isOriginAllowed } from '../isOriginAllowed.js'
import { handshakeProblem } from './handshakeProblem.js'
import type { GatewayContext, Reply } from './types.js'

/** Who knocks: what both a console request and a console websocket are checked by first. */
export interface GatewayEntry {
  address: string | undefined
  origin: string | undefined
  host: string | undefined
  scheme: 'http:' | 'https:'
  /** A websocket upgrade: its handshake is checked too, and the words speak of websockets. */
  upgrade?: IncomingMessage
}

/**
 * The door both ways in share (`POST {path}` and the websocket `{path}?ticket=…`): refuses while
 * closing, an address refused too often, a malformed websocket handshake (before any ticket is
 * spent or slot taken: ws would answer it with a 400 and never hand the socket over) and a
 * foreign origin. Returns the refusal (counted against the address where it is the client's
 * fault) or null.
 */
export function guardEntry(ctx: GatewayContext, entry: GatewayEntry): Reply | null {
  const { options, log, fail, refusals } = ctx
  const { address, upgrade } = entry
  if (ctx.closing) return fail('server', 'The console gateway is shutting down.')
  const blocked = refusals.tooManyRefusals(address)
  if (blocked) return { ...blocked, flood: true }
  if (upgrade) {
    const malformed = handshakeProblem(upgrade)
    if (malformed) {
      log('warn', 'Console websocket refused: malformed handshake.', {
        problem: malformed.message,
      })
      return refusals.refused(address, fail('invalid_input', malformed.message, malformed.headers))
    }
  }
  if (!isOriginAllowed(entry.origin, entry.host, options.allowedOrigins, entry.scheme)) {
    if (upgrade) {
      log('warn', 'Console websocket refused: origin not allowed.', {
        origin: entry.origin,
        address,
      })
    }
    return refusals.refused(
      address,
      fail(
        'forbidden',
        upgrade
          ? 'This page may not open console websockets (its origin is not allowed).'
          : 'This page may not use the console gateway (its origin is not allowed).',
      ),
    )
  }
  return null
}
