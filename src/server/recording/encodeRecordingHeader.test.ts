import { describe, expect, it } from 'vitest'
import { encodeRecordingHeader } from './encodeRecordingHeader.js'
import type { RecordedSession } from './RecordedSession.js'

const session: RecordedSession = {
  sessionId: 's1',
  user: 'alice',
  provider: 'cloudtower',
  vmId: 'vm-1',
  replica: 'a',
  mode: 'control',
  startedAt: '2026-12-07T03:12:00.000Z',
}

describe('encodeRecordingHeader', () => {
  it('writes magic, version 1, the header length and the JSON header', () => {
    const bytes = encodeRecordingHeader(session)
    expect(new TextDecoder().decode(bytes.subarray(0, 6))).toBe('RVCREC')
    const view = new DataView(bytes.buffer)
    expect(view.getUint16(6)).toBe(1)
    const length = view.getUint32(8)
    expect(bytes.length).toBe(12 + length)
    expect(JSON.parse(new TextDecoder().decode(bytes.subarray(12)))).toEqual(session)
  })

  it('writes only the known fields, whatever else the object carries', () => {
    const leaky = { ...session, ticket: 'T1CKET', token: 'S3CRET' } as RecordedSession
    const text = new TextDecoder().decode(encodeRecordingHeader(leaky))
    expect(text).not.toContain('T1CKET')
    expect(text).not.toContain('S3CRET')
  })
})
