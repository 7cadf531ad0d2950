/** Which stream broke the protocol: the browser's (client→server) or the VNC server's. */
export type RfbProtocolSide = 'client' | 'server'

/**
 * A byte stream the RFB filter cannot follow: garbage, an unknown message type, a message over the
 * size cap, or a security type it cannot see through (TLS, VeNCrypt). The gateway cuts the session:
 * a stream it cannot parse is never passed on. The message names types and lengths only, never the
 * bytes themselves (they may hold clipboard text or a password-derived auth response).
 */
export class RfbProtocolError extends Error {
  override readonly name = 'RfbProtocolError'
  readonly side: RfbProtocolSide

  constructor(side: RfbProtocolSide, message: string) {
    super(message)
    this.side = side
  }
}
