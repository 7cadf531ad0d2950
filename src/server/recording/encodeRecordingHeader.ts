import { RECORDING_FORMAT } from '../../core/recording/RECORDING_FORMAT.js'
import type { RecordedSession } from './RecordedSession.js'

/**
 * The recording's first bytes: magic, version and the JSON header. Picks the known fields one by
 * one, so whatever else the caller's object carries (a ticket, a token) never reaches a file.
 */
export function encodeRecordingHeader(session: RecordedSession): Uint8Array {
  const header: RecordedSession = {
    sessionId: String(session.sessionId),
    user: String(session.user),
    provider: session.provider,
    vmId: String(session.vmId),
    replica: String(session.replica),
    mode: session.mode,
    startedAt: String(session.startedAt),
  }
  const json = new TextEncoder().encode(JSON.stringify(header))
  const bytes = new Uint8Array(RECORDING_FORMAT.preambleLength + json.length)
  bytes.set(RECORDING_FORMAT.magic, 0)
  const view = new DataView(bytes.buffer)
  view.setUint16(6, RECORDING_FORMAT.version)
  view.setUint32(8, json.length)
  bytes.set(json, RECORDING_FORMAT.preambleLength)
  return bytes
}
