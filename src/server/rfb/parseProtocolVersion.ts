import { RfbProtocolError, type RfbProtocolSide } from './RfbProtocolError.js'

const PATTERN = /^RFB (\d{3})\.(\d{3})\n$/

/**
 * Reads a 12-byte ProtocolVersion ("RFB 003.008\n") as the protocol it means: 3.8 for 3.8 and later
 * (Apple's 3.889, RealVNC 4.x/5.x speak 3.8), 3.7, and 3.3 for anything older (RFC 6143 §7.1.1: "any
 * other version ... should be interpreted as 3.3"). Throws for anything else, including the UltraVNC
 * repeater's 000.000, whose 250-byte ID exchange this filter does not follow.
 */
export function parseProtocolVersion(bytes: Uint8Array, side: RfbProtocolSide): 3.3 | 3.7 | 3.8 {
  const match = PATTERN.exec(String.fromCharCode(...bytes))
  const major = Number(match?.[1])
  const minor = Number(match?.[2])
  if (!match || major < 3) {
    throw new RfbProtocolError(
      side,
      `the ${side} did not send an RFB ProtocolVersion (RFB 003.00x)`,
    )
  }
  if (major > 3 || minor >= 8) return 3.8
  return minor === 7 ? 3.7 : 3.3
}
