/**
 * Bytes as Latin-1 text, each byte one code point (TextDecoder's 'latin1' is windows-1252, which
 * maps 0x80–0x9f elsewhere). In slices, so a long clipboard text stays under the argument limit.
 */
export function latin1Text(bytes: Uint8Array): string {
  let text = ''
  for (let at = 0; at < bytes.length; at += 8192) {
    text += String.fromCharCode(...bytes.subarray(at, at + 8192))
  }
  return text
}
