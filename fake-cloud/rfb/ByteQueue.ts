/**
 * Incoming bytes waiting to be parsed. Chunks arrive split and merged at arbitrary points, so a
 * parser peeks at what it needs and consumes a message only once all of it is here. Plain
 * Uint8Array and DataView (no Buffer), so the server also runs in a browser (the story mock).
 */
export class ByteQueue {
  #buffer = new Uint8Array(0)
  #view = new DataView(this.#buffer.buffer)
  #offset = 0

  get length(): number {
    return this.#buffer.length - this.#offset
  }

  push(chunk: Uint8Array): void {
    const rest = this.#buffer.subarray(this.#offset)
    const next = new Uint8Array(rest.length + chunk.length)
    next.set(rest)
    next.set(chunk, rest.length)
    this.#buffer = next
    this.#view = new DataView(next.buffer)
    this.#offset = 0
  }

  has(count: number): boolean {
    return this.length >= count
  }

  u8(at = 0): number {
    return this.#view.getUint8(this.#at(at, 1))
  }

  u16(at = 0): number {
    return this.#view.getUint16(this.#at(at, 2))
  }

  u32(at = 0): number {
    return this.#view.getUint32(this.#at(at, 4))
  }

  s32(at = 0): number {
    return this.#view.getInt32(this.#at(at, 4))
  }

  /** Removes `count` bytes and returns them (a copy, safe to keep). */
  take(count: number): Uint8Array {
    if (count > this.length) throw new RangeError(`need ${count} bytes, have ${this.length}`)
    const bytes = this.#buffer.slice(this.#offset, this.#offset + count)
    this.#offset += count
    return bytes
  }

  skip(count: number): void {
    this.#offset += Math.min(count, this.length)
  }

  /** Where a read of `size` bytes at `at` starts; reading past what has arrived is a bug. */
  #at(at: number, size: number): number {
    if (at < 0 || at + size > this.length) throw new RangeError(`read past the queued bytes`)
    return this.#offset + at
  }
}
