import type { RecordingOutcome } from './RecordingOutcome.js'

/** One session's recorder, fed by the relay. */
export interface SessionRecorder {
  /** Every server→client websocket message as relayed, from the greeting on. Never throws. */
  fromServer(data: Uint8Array): void
  /**
   * Post-handshake client→server messages the gateway chose to record (it leaves out key, QEMU
   * key and clipboard messages unless `auditKeys`). Never throws.
   */
  fromClient(message: { kind: string; bytes: Uint8Array }): void
  /** The session ended: flush and close the sink (or abort it). Never rejects. */
  finish(): Promise<RecordingOutcome>
}
