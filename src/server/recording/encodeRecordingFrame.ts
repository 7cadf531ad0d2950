import { RECORDING_FORMAT } from '../../core/recording/RECORDING_FORMAT.js'

/** Largest time a frame can carry (uint32 ms: 49 days). */
const MAX_MS = 0xffff_ffff

/** One frame: direction, ms since the start, payload length, then a copy of the payload. */
export function encodeRecordingFrame(
  direction: (typeof RECORDING_FORMAT.direction)[keyof typeof RECORDING_FORMAT.direction],
  ms: number,
  payload: Uint8Array,
): Uint8Array {
  const { frameHeaderLength } = RECORDING_FORMAT
  const bytes = new Uint8Array(frameHeaderLength + payload.length)
  const view = new DataView(bytes.buffer)
  view.setUint8(0, direction)
  view.setUint32(1, Math.min(MAX_MS, Math.max(0, Math.round(ms))))
  view.setUint32(5, payload.length)
  bytes.set(payload, frameHeaderLength)
  return bytes
}
