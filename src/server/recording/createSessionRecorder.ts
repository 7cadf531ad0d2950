import { encodeRecordingFrame } from './encodeRecordingFrame.js'
import { encodeRecordingHeader } from './encodeRecordingHeader.js'
import { RECORDING_FORMAT } from '../../core/recording/RECORDING_FORMAT.js'
import type { RecordedSession } from './RecordedSession.js'
import type { RecordingOutcome } from './RecordingOutcome.js'
import type { RecordingSink } from './RecordingSink.js'
import type { RecordOptions } from './RecordOptions.js'
import type { SessionRecorder } from './SessionRecorder.js'

const DEFAULT_MAX_QUEUED_BYTES = 8 * 1024 * 1024
const DEFAULT_FINISH_TIMEOUT_MS = 30_000

type Stop = NonNullable<RecordingOutcome['reason']>

/**
 * Records one session to its sink. The relay calls `fromServer`/`fromClient` and never waits:
 * frames go to a queue that one loop hands to the sink, one write at a time. Whatever the sink
 * does (throw, reject, hang, crawl), the relay goes on: the queue is bounded, and the recording
 * stops, marked incomplete, rather than grow.
 */
export function createSessionRecorder(
  options: RecordOptions,
  session: RecordedSession,
): SessionRecorder {
  const started = performance.now()
  const maxBytes = options.maxBytesPerSession ?? Number.POSITIVE_INFINITY
  const maxQueued = options.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES
  const finishTimeoutMs = options.finishTimeoutMs ?? DEFAULT_FINISH_TIMEOUT_MS

  let queue: Uint8Array[] = []
  /** Bytes queued or being written: what a slow sink holds in memory. */
  let pending = 0
  /** Bytes accepted into the recording (queued or written), checked against the size cap. */
  let accepted = 0
  /** Bytes the sink took. */
  let written = 0
  /** No more frames: finished, stopped or failed. */
  let ended = false
  let stopped: Stop | undefined
  let failed = false
  let aborted = false
  /** What broke the recording outside the sink's calls (a frame that could not be encoded). */
  let broken: unknown
  let sink: RecordingSink | undefined
  let wake: (() => void) | undefined

  const nudge = () => {
    const resume = wake
    wake = undefined
    resume?.()
  }

  const enqueue = (chunk: Uint8Array) => {
    queue.push(chunk)
    pending += chunk.length
    accepted += chunk.length
    nudge()
  }

  // The end mark is small and always queued, past either bound: it is what tells a reader the
  // recording was not cut off by a crash.
  const end = (reason?: Stop) => {
    if (ended) return
    ended = true
    stopped = reason
    const mark = JSON.stringify(reason ? { complete: false, reason } : { complete: true })
    enqueue(
      encodeRecordingFrame(
        RECORDING_FORMAT.direction.end,
        elapsed(),
        new TextEncoder().encode(mark),
      ),
    )
  }

  const elapsed = () => performance.now() - started

  const record = (direction: 0 | 1, data: Uint8Array) => {
    if (ended) return
    try {
      const size = RECORDING_FORMAT.frameHeaderLength + data.length
      if (accepted + size > maxBytes) return end('size cap')
      // One message larger than the bound still goes in when nothing waits: the relay holds it anyway.
      if (pending > 0 && pending + size > maxQueued) return end('sink too slow')
      enqueue(encodeRecordingFrame(direction, elapsed(), data))
    } catch (error) {
      // Never into the relay: a frame we cannot encode ends the recording as a failure.
      broken = error
      fail()
    }
  }

  const fail = () => {
    failed = true
    ended = true
    queue = []
    pending = 0
    nudge()
  }

  const asError = (error: unknown) =>
    error instanceof Error ? error : new Error('the recording sink failed')

  const abort = async (error: unknown) => {
    fail()
    if (aborted || !sink) return
    aborted = true
    try {
      await sink.abort(asError(error))
    } catch {
      // The sink is already gone wrong; its abort failing too changes nothing for the session.
    }
  }

  const outcome = (): RecordingOutcome =>
    failed
      ? { complete: false, bytes: written, reason: 'sink failed' }
      : stopped
        ? { complete: false, bytes: written, reason: stopped }
        : { complete: true, bytes: written }

  const run = async (): Promise<RecordingOutcome> => {
    try {
      sink = await options.sink(session)
    } catch {
      fail()
      return outcome()
    }
    try {
      for (;;) {
        // Failed meanwhile (a frame, or finish gave up on a sink that opened late): abort it.
        if (failed) throw broken ?? new Error('the recording was abandoned')
        if (queue.length === 0) {
          if (ended) break
          await new Promise<void>((resolve) => (wake = resolve))
          continue
        }
        const batch = queue.length === 1 ? queue[0]! : concat(queue)
        queue = []
        await sink.write(batch)
        written += batch.length
        pending -= batch.length
      }
      await sink.close()
      return outcome()
    } catch (error) {
      await abort(error)
      return outcome()
    }
  }

  enqueue(encodeRecordingHeader(session))
  const done = run()

  return {
    fromServer: (data) => record(RECORDING_FORMAT.direction.server, data),
    fromClient: (message) => record(RECORDING_FORMAT.direction.client, message.bytes),
    async finish() {
      end()
      let timer: ReturnType<typeof setTimeout> | undefined
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), finishTimeoutMs)
      })
      const result = await Promise.race([done, late])
      clearTimeout(timer)
      if (result !== 'late') return result
      // A write or close that never settles: give up on it, the session's end must not wait.
      const gaveUp = { complete: false, bytes: written, reason: 'sink failed' } as const
      void abort(new Error(`the recording sink did not finish within ${finishTimeoutMs} ms`))
      return gaveUp
    },
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  let length = 0
  for (const chunk of chunks) length += chunk.length
  const bytes = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return bytes
}
