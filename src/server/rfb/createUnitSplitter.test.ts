import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createUnitSplitter } from './createUnitSplitter.js'
import { RfbProtocolError } from './RfbProtocolError.js'

/** Units of the test: a 1-byte length n, then n − 1 more bytes (n ≥ 1). */
const measure = (bytes: Uint8Array, start: number) => {
  const n = bytes[start]
  return n === undefined ? undefined : Math.max(1, n)
}

function collect(chunks: Uint8Array[], max = 1000): number[][] {
  const splitter = createUnitSplitter('client', max)
  const units: number[][] = []
  for (const chunk of chunks) splitter.push(chunk, measure, (unit) => units.push([...unit]))
  return units
}

describe('createUnitSplitter', () => {
  it('cuts a stream into the same units for every split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (lengths, points) => {
          const stream = Uint8Array.from(
            lengths.flatMap((n) => [n, ...new Array<number>(n - 1).fill(n)]),
          )
          const cuts = [...new Set(points.map((p) => p % (stream.length + 1)))].sort(
            (a, b) => a - b,
          )
          const chunks = [0, ...cuts].map((start, i) =>
            stream.subarray(start, [...cuts, stream.length][i]),
          )
          const units = collect(chunks)
          expect(units).toEqual(collect([stream]))
          expect(units.map((u) => u.length)).toEqual(lengths)
        },
      ),
    )
  })

  it('hands out whole units in place, without copying', () => {
    const stream = Uint8Array.of(2, 9, 3, 8, 8)
    const splitter = createUnitSplitter('client', 10)
    const units: Uint8Array[] = []
    splitter.push(stream, measure, (unit) => units.push(unit))
    expect(units.map((u) => [u.buffer === stream.buffer, u.byteOffset])).toEqual([
      [true, 0],
      [true, 2],
    ])
  })

  it('refuses a unit over the cap as soon as its length is known', () => {
    const splitter = createUnitSplitter('server', 100)
    const seen: number[] = []
    expect(() => splitter.push(Uint8Array.of(101), measure, (u) => seen.push(u.length))).toThrow(
      new RfbProtocolError(
        'server',
        'the VNC server sent a 101-byte RFB message, over the 100-byte limit',
      ),
    )
    expect(seen).toEqual([])
    expect(collect([Uint8Array.of(100), new Uint8Array(99)], 100)).toHaveLength(1)
  })

  it('holds about what arrived of a long unit, not what its header claims', () => {
    const claimsMiB = (bytes: Uint8Array, start: number) =>
      bytes.length > start ? 1 << 20 : undefined
    const splitters = Array.from({ length: 20 }, () => createUnitSplitter('client', 1 << 20))
    const before = process.memoryUsage().arrayBuffers
    // 20 sessions each send a header that claims 1 MiB, and 100 bytes of it.
    for (const splitter of splitters) splitter.push(new Uint8Array(100), claimsMiB, () => undefined)
    const held = process.memoryUsage().arrayBuffers - before
    expect(held).toBeLessThan(20 * 64 * 1024)
    // The rest arrives in 1000-byte pieces: one whole unit.
    const units: number[] = []
    const splitter = splitters[0]!
    for (let received = 100; received < 1 << 20; received += 1000) {
      const piece = new Uint8Array(Math.min(1000, (1 << 20) - received))
      splitter.push(piece, claimsMiB, (unit) => units.push(unit.length))
    }
    expect(units).toEqual([1 << 20])
  })

  it('asks measure again for each unit, after onUnit (the next unit may be another kind)', () => {
    let step = 0
    const splitter = createUnitSplitter('client', 10)
    const units: number[][] = []
    splitter.push(
      Uint8Array.of(1, 2, 3, 4, 5),
      () => (step === 0 ? 2 : 3),
      (unit) => {
        units.push([...unit])
        step++
      },
    )
    expect(units).toEqual([
      [1, 2],
      [3, 4, 5],
    ])
  })
})
