import { createWriteStream } from 'node:fs'
import type { Writable } from 'node:stream'
import type { AuditEvent } from './AuditEvent.js'

/** An `audit` option writing one JSON object per line. */
export interface JsonLinesAuditSink {
  (event: AuditEvent): void
  /** Ends the file it opened (`path`) once written; a `stream` it was given stays open. */
  close(): Promise<void>
}

/**
 * A ready `audit` sink: one JSON object per line, to a stream (`process.stdout`) or appended to a
 * file (`path`). A stream that failed makes every later event throw, which the gateway logs.
 */
export function createJsonLinesAuditSink(
  target: { stream: Writable } | { path: string },
): JsonLinesAuditSink {
  const owned = 'path' in target
  const stream = owned ? createWriteStream(target.path, { flags: 'a' }) : target.stream
  let failure: Error | undefined
  stream.on('error', (error: Error) => {
    failure ??= error
  })
  const sink = (event: AuditEvent) => {
    if (failure) throw failure
    stream.write(`${JSON.stringify(event)}\n`)
  }
  return Object.assign(sink, {
    close: () =>
      new Promise<void>((resolve) => {
        if (!owned || failure || stream.writableFinished) return resolve()
        stream.end(() => resolve())
      }),
  })
}
