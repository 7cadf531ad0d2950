import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { RECORDING_FORMAT } from '../../core/recording/RECORDING_FORMAT.js'
import type { Recording, RecordingFrame } from './Recording.js'

const invalid = (message: string, code: string) =>
  new ConsoleError({ kind: 'invalid_input', provider: 'vnc', message, code })

/**
 * Reads a recording (README "Recording format"). Throws a ConsoleError (`invalid_input`) for a
 * file that is not a recording (`not_a_recording`) or is of a newer version than this library
 * reads (`recording_version`). A recording cut off mid-frame (a `.part` file) is read up to its
 * last whole frame and says it is incomplete.
 */
export function readRecording(bytes: Uint8Array): Recording {
  const { magic, preambleLength, frameHeaderLength, direction } = RECORDING_FORMAT
  if (bytes.length < preambleLength || magic.some((byte, index) => bytes[index] !== byte)) {
    throw invalid('This file is not a console recording.', 'not_a_recording')
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const version = view.getUint16(6)
  if (version > RECORDING_FORMAT.version) {
    throw invalid(
      `This recording has format version ${version}; this version of react-vm-console plays versions up to ${RECORDING_FORMAT.version}. Update react-vm-console to play it.`,
      'recording_version',
    )
  }
  const headerLength = view.getUint32(8)
  const frameStart = preambleLength + headerLength
  let session: Recording['session']
  try {
    if (frameStart > bytes.length) throw new Error('short header')
    const parsed: unknown = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(preambleLength, frameStart)),
    )
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('header is not an object')
    }
    session = parsed as Recording['session']
  } catch {
    throw invalid(
      'This console recording is damaged: its header cannot be read.',
      'not_a_recording',
    )
  }

  const frames: RecordingFrame[] = []
  let offset = frameStart
  let durationMs = 0
  let end: { complete: boolean; reason?: string } | undefined
  while (offset + frameHeaderLength <= bytes.length) {
    const kind = view.getUint8(offset)
    const ms = view.getUint32(offset + 1)
    const length = view.getUint32(offset + 5)
    const start = offset + frameHeaderLength
    if (start + length > bytes.length) break
    const data = bytes.subarray(start, start + length)
    offset = start + length
    durationMs = Math.max(durationMs, ms)
    if (kind === direction.server) frames.push({ direction: 'server', ms, data })
    else if (kind === direction.client) frames.push({ direction: 'client', ms, data })
    else if (kind === direction.end) {
      end = readEnd(data)
      break
    } else {
      throw invalid(
        'This console recording is damaged: it holds a frame of an unknown kind.',
        'not_a_recording',
      )
    }
  }
  return {
    version,
    session,
    frames,
    durationMs,
    complete: end?.complete ?? false,
    ...(end ? (end.reason ? { reason: end.reason } : {}) : { reason: 'cut off' }),
  }
}

function readEnd(data: Uint8Array): { complete: boolean; reason?: string } {
  try {
    const mark = JSON.parse(new TextDecoder().decode(data)) as {
      complete?: unknown
      reason?: unknown
    }
    return {
      complete: mark.complete === true,
      ...(typeof mark.reason === 'string' ? { reason: mark.reason } : {}),
    }
  } catch {
    return { complete: false, reason: 'cut off' }
  }
}
