/**
 * The protocol version to speak, from the client's 12-byte ProtocolVersion ("RFB 003.008\n"). RFC
 * 6143 §7.1.1: unknown minors below 7 must be treated as 3.3; above 8 we speak 3.8. Anything but
 * major version 3 is refused (throws).
 */
export function parseRfbVersion(text: string): '3.3' | '3.7' | '3.8' {
  const match = /^RFB (\d{3})\.(\d{3})\n$/.exec(text)
  if (!match || Number(match[1]) !== 3)
    throw new Error(`unsupported RFB version ${JSON.stringify(text)}`)
  const minor = Number(match[2])
  return minor >= 8 ? '3.8' : minor === 7 ? '3.7' : '3.3'
}
