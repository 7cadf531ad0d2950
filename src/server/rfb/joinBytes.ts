const EMPTY = new Uint8Array(0)

/**
 * Joins byte arrays into one. Views that lie back to back in one buffer (the usual case: whole
 * messages forwarded from the chunk they arrived in) come back as one view, without a copy.
 */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  const first = parts[0]
  if (first === undefined) return EMPTY
  let contiguous = true
  let total = 0
  let end = first.byteOffset
  for (const part of parts) {
    contiguous &&= part.buffer === first.buffer && part.byteOffset === end
    end = part.byteOffset + part.byteLength
    total += part.byteLength
  }
  if (contiguous) return new Uint8Array(first.buffer, first.byteOffset, total)
  const joined = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    joined.set(part, offset)
    offset += part.byteLength
  }
  return joined
}
