const PROVIDE = 1 << 28
const TEXT = 1

/**
 * The text of an extended-clipboard Provide message (flags u32, then zlib: u32 size + UTF-8 text
 * with a NUL), or undefined for other actions and undecodable data. zlib comes from Node's
 * `process.getBuiltinModule`, not an import, so the server still loads in a browser (the story
 * mock), where noVNC never sends this form: the mock does not offer the extended clipboard.
 */
export function decodeExtendedClipboard(data: Uint8Array): {
  flags: number
  text: string | undefined
} {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const flags = data.length >= 4 ? view.getUint32(0) : 0
  if (!(flags & PROVIDE && flags & TEXT)) return { flags, text: undefined }
  const zlib = globalThis.process?.getBuiltinModule?.('node:zlib')
  if (!zlib) return { flags, text: undefined }
  try {
    // noVNC flushes but never finishes the deflate stream.
    const plain = zlib.inflateSync(data.subarray(4), {
      finishFlush: zlib.constants.Z_SYNC_FLUSH,
    })
    const size = plain.readUInt32BE(0)
    const text = new TextDecoder()
      .decode(plain.subarray(4, 4 + size))
      .replace(/\0$/, '')
      .replace(/\r\n/g, '\n')
    return { flags, text }
  } catch {
    return { flags, text: undefined }
  }
}
