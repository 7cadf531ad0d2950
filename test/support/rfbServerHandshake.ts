/**
 * The console's side of an RFB 3.8 handshake with security None, for hand-made consoles in tests
 * (the gateway's RFB filter cuts a stream that is not RFB): sends its version, then answers the
 * client's version with the security types [1], its choice with SecurityResult OK and ClientInit
 * with a ServerInit. `received()` is every byte the client has sent so far. Resolves right after
 * the ServerInit is sent; rejects if the client stalls or strays.
 */
export async function rfbServerHandshake(
  received: () => Uint8Array,
  send: (bytes: Buffer) => void,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  const bytesIn = async (n: number) => {
    while (received().length < n) {
      if (Date.now() > deadline) throw new Error(`RFB client sent ${received().length} bytes`)
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    return Buffer.from(received())
  }
  send(Buffer.from('RFB 003.008\n'))
  if ((await bytesIn(12)).subarray(0, 12).toString() !== 'RFB 003.008\n') {
    throw new Error('RFB client did not answer with version 3.8')
  }
  send(Buffer.from([1, 1]))
  if ((await bytesIn(13))[12] !== 1) throw new Error('RFB client did not choose None')
  send(Buffer.alloc(4))
  await bytesIn(14)
  const name = Buffer.from('test console')
  // 640×480, 32 bpp true colour (RFC 6143 §7.3.2), then the name.
  const init = Buffer.alloc(24)
  init.writeUInt16BE(640, 0)
  init.writeUInt16BE(480, 2)
  init.set([32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0], 4)
  init.writeUInt32BE(name.length, 20)
  send(Buffer.concat([init, name]))
}
