import { RfbProtocolError, type RfbProtocolSide } from './RfbProtocolError.js'

const EMPTY = new Uint8Array(0)
/** Bytes joined to a held head to measure it: more than any unit needs to tell its length (9). */
const PROBE = 16

/** Tells a unit's length from its first bytes, or undefined until enough have arrived. */
type Measure = (bytes: Uint8Array) => number | undefined

interface UnitSplitter {
  /**
   * Feeds one chunk of the stream; calls `onUnit` with every unit it completes, in order. `measure`
   * is asked afresh for each unit, so `onUnit` may change what the next one is. A unit that lies
   * whole inside `data` is a view of it (no copy); one that spans chunks is a fresh array.
   */
  push(data: Uint8Array, measure: Measure, onUnit: (unit: Uint8Array) => void): void
}

/**
 * Cuts a byte stream, split anywhere, into whole units (RFB messages, handshake steps). A unit is
 * held until complete, in one buffer of its final size (no quadratic re-joining of a large paste),
 * and a unit longer than `maxUnitBytes` throws before anything is allocated for it.
 */
export function createUnitSplitter(side: RfbProtocolSide, maxUnitBytes: number): UnitSplitter {
  let head: Uint8Array = EMPTY // the start of a unit whose length is not known yet
  let unit: Uint8Array | undefined // a unit whose length is known, being filled
  let filled = 0

  const checked = (length: number): number => {
    if (!(length >= 1)) throw new TypeError('createUnitSplitter: a unit must be at least 1 byte')
    if (length > maxUnitBytes) {
      throw new RfbProtocolError(
        side,
        `the ${side} sent a ${length}-byte RFB message, over the ${maxUnitBytes}-byte limit`,
      )
    }
    return length
  }

  return {
    push(data, measure, onUnit) {
      let offset = 0
      while (offset < data.length) {
        if (unit) {
          const take = Math.min(unit.length - filled, data.length - offset)
          unit.set(data.subarray(offset, offset + take), filled)
          filled += take
          offset += take
          if (filled < unit.length) return
          const done = unit
          unit = undefined
          onUnit(done)
          continue
        }
        if (head.length > 0) {
          const probe = new Uint8Array(head.length + Math.min(PROBE, data.length - offset))
          probe.set(head)
          probe.set(data.subarray(offset, offset + probe.length - head.length), head.length)
          const length = measure(probe)
          if (length === undefined) {
            if (probe.length - head.length < data.length - offset) {
              throw new TypeError('createUnitSplitter: measure needs more than the probe')
            }
            head = probe
            return
          }
          // head is shorter than its unit: measure could not tell the length from it alone.
          unit = new Uint8Array(checked(length))
          unit.set(head)
          filled = head.length
          head = EMPTY
          continue
        }
        const rest = offset === 0 ? data : data.subarray(offset)
        const length = measure(rest)
        if (length === undefined) {
          head = rest.slice()
          return
        }
        if (checked(length) <= rest.length) {
          offset += length
          onUnit(rest.subarray(0, length))
          continue
        }
        unit = new Uint8Array(length)
        unit.set(rest)
        filled = rest.length
        return
      }
    },
  }
}
