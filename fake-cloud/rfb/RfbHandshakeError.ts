/** The server refused the handshake; `reason` is its text, when it sent one. */
export class RfbHandshakeError extends Error {
  readonly reason: string | undefined

  constructor(reason: string | undefined) {
    super(`RFB handshake refused${reason ? `: ${reason}` : ''}`)
    this.reason = reason
  }
}
