import type { RecordedSession } from './RecordedSession.js'
import type { RecordingSink } from './RecordingSink.js'

/** The gateway's `record` option. */
export interface RecordOptions {
  /** One sink per session. */
  sink: (session: RecordedSession) => RecordingSink | Promise<RecordingSink>
  /** Per session; past it the recording stops (incomplete), the console goes on. Default: none. */
  maxBytesPerSession?: number
  /**
   * Bytes that may wait for a slow sink (queued plus the write under way). Past it the recording
   * stops (incomplete, `sink too slow`) rather than hold the relay's memory. A single message
   * larger than this is still taken when nothing waits. Default 8 MiB.
   */
  maxQueuedBytes?: number
  /**
   * How long the end of a session may wait for the sink to take the rest and close. Past it the
   * sink is aborted (`sink failed`). Default 30 000 ms.
   */
  finishTimeoutMs?: number
}
