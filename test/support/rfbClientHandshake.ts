/**
 * The browser's side of an RFB 3.8 handshake with security None, for hand-made clients in tests
 * (the gateway's RFB filter cuts a browser that does not speak RFB): answers the server's version,
 * chooses None, sends ClientInit after SecurityResult OK and waits for the ServerInit. `received()`
 * is every byte the server has sent so far. Resolves with the handshake's length in those bytes
 * (what follows is the server's messages); rejects if the server stalls or strays.
 */
export async function rfbClientHandshake(
  received: () => Uint8Array,
  send: (bytes: Buffer) => void,
  timeoutMs = 5_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs
  const bytesIn = async (n: number) => {
    while (received().length < n) {
      if (Date.now() > deadline) throw new Error(`RFB server sent ${received().length} bytes`)
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    return Buffer.from(received())
  }
  if (!(await bytesIn(12)).subarray(0, 4).equals(Buffer.from('RFB '))) {
    throw new Error('not an RFB server')
  }
  send(Buffer.from('RFB 003.008\n'))
  const count = (await bytesIn(13))[12] ?? 0
  if (!(await bytesIn(13 + count)).subarray(13, 13 + count).includes(1)) {
    throw new Error('RFB server does not offer security None')
  }
  send(Buffer.from([1]))
  const init = 13 + count + 4
  if ((await bytesIn(init)).readUInt32BE(init - 4) !== 0) throw new Error('RFB security failed')
  send(Buffer.from([1])) // ClientInit: shared
  const nameLength = (await bytesIn(init + 24)).readUInt32BE(init + 20)
  await bytesIn(init + 24 + nameLength)
  return init + 24 + nameLength
}
