import { randomBytes, randomInt } from 'node:crypto'

/**
 * A `vnc` answer's token pair: `raw_token` is 32 lowercase hex digits; `token` is base64 that always
 * contains `+`, `/` and `=`, so every client is forced to URL-encode it in the proxy link.
 */
export function generateCloudTowerTokens(): { raw_token: string; token: string } {
  const raw_token = randomBytes(16).toString('hex')
  // 32 bytes → 44 base64 characters ending in one `=`. In one random 3-byte group, 0xfb then 0xf_
  // give the sextets 62 (`+`) and 63 (`/`) without a retry loop; all other bits stay random.
  const bytes = randomBytes(32)
  const at = 3 * randomInt(10)
  bytes[at] = 0xfb
  bytes[at + 1] = 0xf0 | ((bytes[at + 1] ?? 0) & 0x0f)
  return { raw_token, token: bytes.toString('base64') }
}
