/** How a session's recording ended, for the `session.end` audit event. */
export interface RecordingOutcome {
  /** The whole session is in the recording. */
  complete: boolean
  /** Bytes the sink accepted (header, frames and end mark). */
  bytes: number
  /**
   * Why it is incomplete: `size cap` (`maxBytesPerSession` reached), `sink failed` (a write or
   * close threw, rejected or hung, or the sink could not be opened), `sink too slow` (more than
   * `maxQueuedBytes` waited for the sink).
   */
  reason?: 'size cap' | 'sink failed' | 'sink too slow'
}
