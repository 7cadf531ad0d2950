import { RfbProtocolError, type RfbProtocolSide } from './RfbProtocolError.js'

const EMPTY = new Uint8Array(0)
/** Bytes joined to a held head to measure it: more than any unit needs to tell its length (9). */
const PROBE = 16
/** The first buffer of a unit that spans chunks; it doubles as bytes arrive, up to the unit's size. */
const FIRST_CAPACITY = 4096

/** Tells the length of the unit at `bytes[start]`, or undefined until enough bytes have arrived. */
type Measure = (bytes: Uint8Array, start: number) => number | undefined

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
 * held until complete in one buffer that doubles as bytes arrive (no quadratic re-joining of a
 * large paste), so what is held stays within twice what was received: a header that claims 1 MiB
 * does not make the gateway allocate 1 MiB. A unit longer than `maxUnitBytes` throws as soon as its
 * length is known.
 */
export function createUnitSplitter(side: RfbProtocolSide, maxUnitBytes: number): UnitSplitter {
  let head: Uint8Array = EMPTY // the start of a unit whose length is not known yet
  let unit: Uint8Array | undefined // a unit whose length is known, being filled
  let unitLength = 0
  let filled = 0

  /** Starts holding a unit of `length` bytes with its first bytes. */
  const hold = (length: number, first: Uint8Array): void => {
    unitLength = length
    unit = new Uint8Array(Math.min(length, Math.max(FIRST_CAPACITY, 2 * first.length)))
    unit.set(first)
    filled = first.length
  }

  const checked = (length: number): number => {
    if (!(length >= 1)) throw new TypeError('createUnitSplitter: a unit must be at least 1 byte')
    if (length > maxUnitBytes) {
      throw new RfbProtocolError(
        side,
        `the ${side === 'client' ? 'browser' : 'VNC server'} sent a ${length}-byte RFB message, over the ${maxUnitBytes}-byte limit`,
      )
    }
    return length
  }

  return {
    push(data, measure, onUnit) {
      let offset = 0
      while (offset < data.length) {
        if (unit) {
          const take = Math.min(unitLength - filled, data.length - offset)
          if (filled + take > unit.length) {
            const grown = new Uint8Array(
              Math.min(unitLength, Math.max(filled + take, 2 * unit.length)),
            )
            grown.set(unit.subarray(0, filled))
            unit = grown
          }
          unit.set(data.subarray(offset, offset + take), filled)
          filled += take
          offset += take
          if (filled < unitLength) return
          // Full: the buffer has grown to exactly the unit's length.
          const done = unit
          unit = undefined
          onUnit(done)
          continue
        }
        if (head.length > 0) {
          const probe = new Uint8Array(head.length + Math.min(PROBE, data.length - offset))
          probe.set(head)
          probe.set(data.subarray(offset, offset + probe.length - head.length), head.length)
          const length = measure(probe, 0)
          if (length === undefined) {
            if (probe.length - head.length < data.length - offset) {
              throw new TypeError('createUnitSplitter: measure needs more than the probe')
            }
            head = probe
            return
          }
          // head is shorter than its unit: measure could not tell the length from it alone.
          hold(checked(length), head)
          head = EMPTY
          continue
        }
        const length = measure(data, offset)
        if (length === undefined) {
          head = data.slice(offset)
          return
        }
        if (checked(length) <= data.length - offset) {
          offset += length
          onUnit(data.subarray(offset - length, offset))
          continue
        }
        hold(length, data.subarray(offset))
        return
      }
    },
  }
}
