/** One frame of a recording, as read by `readRecording`. */
export interface RecordingFrame {
  direction: 'server' | 'client'
  /** Milliseconds since the session started. */
  ms: number
  data: Uint8Array
}

/** A recording read into memory (format: README "Recording format"). */
export interface Recording {
  version: number
  /** The header: who, which VM, when (never a secret). Unknown fields are kept. */
  session: {
    sessionId?: string
    user?: string
    provider?: string
    vmId?: string
    replica?: string
    mode?: string
    startedAt?: string
  } & Record<string, unknown>
  frames: RecordingFrame[]
  /** The session's length in ms (the end mark's time, else the last frame's). */
  durationMs: number
  /**
   * `complete`: the whole session. `false` with a reason: cut short (`size cap`, `sink too
   * slow`, `sink failed`, or `cut off` for a file without an end mark, e.g. a `.part` file).
   */
  complete: boolean
  reason?: string
}
