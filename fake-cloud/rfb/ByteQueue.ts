/**
 * Incoming bytes waiting to be parsed. Chunks arrive split and merged at arbitrary points, so a
 * parser peeks at what it needs and consumes a message only once all of it is here.
 */
export class ByteQueue {
  #buffer: Buffer = Buffer.alloc(0)
  #offset = 0

  get length(): number {
    return this.#buffer.length - this.#offset
  }

  push(chunk: Uint8Array): void {
    const rest = this.#buffer.subarray(this.#offset)
    this.#buffer = rest.length === 0 ? Buffer.from(chunk) : Buffer.concat([rest, chunk])
    this.#offset = 0
  }

  has(count: number): boolean {
    return this.length >= count
  }

  u8(at = 0): number {
    return this.#buffer.readUInt8(this.#offset + at)
  }

  u16(at = 0): number {
    return this.#buffer.readUInt16BE(this.#offset + at)
  }

  u32(at = 0): number {
    return this.#buffer.readUInt32BE(this.#offset + at)
  }

  s32(at = 0): number {
    return this.#buffer.readInt32BE(this.#offset + at)
  }

  /** Removes `count` bytes and returns them (a copy, safe to keep). */
  take(count: number): Uint8Array {
    if (count > this.length) throw new RangeError(`need ${count} bytes, have ${this.length}`)
    const bytes = Uint8Array.prototype.slice.call(this.#buffer, this.#offset, this.#offset + count)
    this.#offset += count
    return bytes
  }

  skip(count: number): void {
    this.#offset += Math.min(count, this.length)
  }
}
