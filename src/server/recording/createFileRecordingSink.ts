import { createWriteStream } from 'node:fs'
import { mkdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { recordingFileName } from './recordingFileName.js'
import type { RecordingSink } from './RecordingSink.js'
import type { RecordOptions } from './RecordOptions.js'

/**
 * One file per session in `directory`: `{sessionId}.rvcrec` (safe characters only). It is written
 * as `{sessionId}.rvcrec.part` through a stream and renamed when the recording closes, so a file
 * without `.part` is a finished recording (whole, or cut by the size cap and marked so inside). An
 * aborted recording (the disk failed) and one of a crashed gateway stay `.part`: incomplete, kept
 * for what they hold, still readable up to their last whole frame.
 */
export function createFileRecordingSink(options: { directory: string }): RecordOptions['sink'] {
  return async (session) => {
    await mkdir(options.directory, { recursive: true })
    const path = join(options.directory, recordingFileName(session.sessionId))
    const partial = `${path}.part`
    // `wx`: never overwrite another session's file.
    const stream = createWriteStream(partial, { flags: 'wx' })
    let failure: Error | undefined
    stream.on('error', (error) => (failure ??= error))
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve())
      stream.once('error', reject)
    })
    const sink: RecordingSink = {
      write(chunk) {
        if (failure) throw failure
        if (stream.write(chunk)) return
        // Over the stream's buffer: wait for it to drain, the recorder queues meanwhile.
        return new Promise<void>((resolve, reject) => {
          const done = (error?: Error) => {
            stream.off('drain', drained)
            stream.off('close', closed)
            if (error) reject(error)
            else resolve()
          }
          const drained = () => done()
          const closed = () => done(failure ?? new Error('the recording file closed'))
          stream.on('drain', drained)
          stream.on('close', closed)
        })
      },
      async close() {
        if (failure) throw failure
        stream.end()
        await finished(stream)
        await rename(partial, path)
      },
      async abort() {
        stream.destroy()
        await finished(stream).catch(() => undefined)
      },
    }
    return sink
  }
}
