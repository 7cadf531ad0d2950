/**
 * Builds one outgoing RFB message (big-endian, as the protocol is) into a Uint8Array. The server
 * writes with this instead of Buffer so that it also runs in a browser (the story mock).
 */
export class ByteWriter {
  readonly #parts: Uint8Array[] = []
  #length = 0

  u8(...values: number[]): this {
    return this.bytes(Uint8Array.from(values, (value) => value & 0xff))
  }

  u16(value: number): this {
    return this.#number(2, (view) => view.setUint16(0, value))
  }

  u32(value: number): this {
    return this.#number(4, (view) => view.setUint32(0, value >>> 0))
  }

  s32(value: number): this {
    return this.#number(4, (view) => view.setInt32(0, value))
  }

  /** `count` zero bytes (RFB padding). */
  zeros(count: number): this {
    return this.bytes(new Uint8Array(count))
  }

  bytes(data: Uint8Array): this {
    this.#parts.push(data)
    this.#length += data.length
    return this
  }

  /** Text as Latin-1 bytes; characters above U+00FF become '?'. */
  latin1(text: string): this {
    return this.bytes(
      Uint8Array.from(text, (char) => {
        const code = char.codePointAt(0) ?? 0x3f
        return code > 0xff ? 0x3f : code
      }),
    )
  }

  /** A u32 length, then the UTF-8 text (RFB's reason and name strings). */
  string(text: string): this {
    const bytes = new TextEncoder().encode(text)
    return this.u32(bytes.length).bytes(bytes)
  }

  get length(): number {
    return this.#length
  }

  /** The message, one copy of every part. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.#length)
    let at = 0
    for (const part of this.#parts) {
      out.set(part, at)
      at += part.length
    }
    return out
  }

  #number(size: number, write: (view: DataView) => void): this {
    const bytes = new Uint8Array(size)
    write(new DataView(bytes.buffer))
    return this.bytes(bytes)
  }
}
