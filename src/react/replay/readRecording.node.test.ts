import { describe, expect, it } from 'vitest'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { encodeRecordingFrame } from '../../server/recording/encodeRecordingFrame.js'
import { encodeRecordingHeader } from '../../server/recording/encodeRecordingHeader.js'
import type { RecordedSession } from '../../server/recording/RecordedSession.js'
import { readRecording } from './readRecording.js'

const session: RecordedSession = {
  sessionId: 's1',
  user: 'bob',
  provider: 'cloudtower',
  vmId: 'vm-9',
  replica: 'b',
  mode: 'observe',
  startedAt: '2026-12-07T03:12:00.000Z',
}

const join = (...parts: Uint8Array[]) => {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    all.set(part, offset)
    offset += part.length
  }
  return all
}
const end = (ms: number, mark: object) =>
  encodeRecordingFrame(2, ms, new TextEncoder().encode(JSON.stringify(mark)))

const thrown = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error
  }
  throw new Error('did not throw')
}

describe('readRecording', () => {
  it('reads what the writer wrote', () => {
    const recording = readRecording(
      join(
        encodeRecordingHeader(session),
        encodeRecordingFrame(0, 0, new Uint8Array([1])),
        encodeRecordingFrame(1, 5, new Uint8Array([2, 2])),
        encodeRecordingFrame(0, 70, new Uint8Array([3])),
        end(1_500, { complete: true }),
      ),
    )
    expect(recording).toEqual({
      version: 1,
      session,
      frames: [
        { direction: 'server', ms: 0, data: new Uint8Array([1]) },
        { direction: 'client', ms: 5, data: new Uint8Array([2, 2]) },
        { direction: 'server', ms: 70, data: new Uint8Array([3]) },
      ],
      durationMs: 1_500,
      complete: true,
    })
  })

  it('reads a recording at an offset of a larger buffer', () => {
    const bytes = join(
      new Uint8Array(3),
      encodeRecordingHeader(session),
      end(0, { complete: true }),
    )
    expect(readRecording(bytes.subarray(3)).complete).toBe(true)
  })

  it('reads a recording stopped by the size cap as incomplete, with its reason', () => {
    const bytes = join(
      encodeRecordingHeader(session),
      end(9, { complete: false, reason: 'size cap' }),
    )
    expect(readRecording(bytes)).toMatchObject({
      complete: false,
      reason: 'size cap',
      durationMs: 9,
    })
  })

  it('reads a cut-off recording up to its last whole frame', () => {
    const bytes = join(
      encodeRecordingHeader(session),
      encodeRecordingFrame(0, 10, new Uint8Array([1])),
      encodeRecordingFrame(0, 20, new Uint8Array([2, 2, 2])).subarray(0, 11),
    )
    expect(readRecording(bytes)).toMatchObject({
      complete: false,
      reason: 'cut off',
      durationMs: 10,
      frames: [{ ms: 10 }],
    })
  })

  it('refuses a file that is not a recording, in words an operator understands', () => {
    for (const bytes of [
      new TextEncoder().encode('<!doctype html><html>Not found</html>'),
      new Uint8Array(),
      encodeRecordingHeader(session).subarray(0, 20),
    ]) {
      const error = thrown(() => readRecording(bytes))
      expect(ConsoleError.is(error)).toBe(true)
      expect(error).toMatchObject({ kind: 'invalid_input', code: 'not_a_recording' })
    }
  })

  it('refuses a newer format version, saying which and what to do', () => {
    const bytes = encodeRecordingHeader(session)
    new DataView(bytes.buffer).setUint16(6, 2)
    const error = thrown(() => readRecording(bytes))
    expect(error).toMatchObject({ kind: 'invalid_input', code: 'recording_version' })
    expect((error as Error).message).toMatch(/version 2.*Update react-vm-console/)
  })

  it('refuses a frame of an unknown kind', () => {
    const bytes = join(encodeRecordingHeader(session), encodeRecordingFrame(0, 0, new Uint8Array()))
    bytes[bytes.length - 9] = 7
    expect(thrown(() => readRecording(bytes))).toMatchObject({ code: 'not_a_recording' })
  })
})
