/**
 * Where one session's recording goes (a file, an object store upload…). The recorder calls
 * `write` with the recording's bytes in order, never concurrently (it waits for a returned
 * promise before the next call), then exactly one of `close` (the recording is whole, or cut
 * short by the size cap and marked so) or `abort` (a write or close failed: what was written is
 * an incomplete recording).
 */
export interface RecordingSink {
  write(chunk: Uint8Array): void | Promise<void>
  close(): Promise<void>
  abort(error: Error): Promise<void>
}
