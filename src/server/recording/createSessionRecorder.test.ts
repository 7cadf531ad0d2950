import { describe, expect, it } from 'vitest'
import { readRecording } from '../../react/replay/readRecording.js'
import { createSessionRecorder } from './createSessionRecorder.js'
import type { RecordedSession } from './RecordedSession.js'
import type { RecordingSink } from './RecordingSink.js'

const session: RecordedSession = {
  sessionId: 's1',
  user: 'alice',
  provider: 'ecs',
  vmId: 'vm-1',
  replica: 'a',
  mode: 'control',
  startedAt: '2026-12-07T03:12:00.000Z',
}

/** A sink that keeps what it is given, and says how it ended. */
function memorySink() {
  const chunks: Uint8Array[] = []
  const state = { closed: 0, aborted: 0, abortError: undefined as Error | undefined }
  const sink: RecordingSink = {
    write: (chunk) => void chunks.push(chunk.slice()),
    close: async () => void state.closed++,
    abort: async (error) => {
      state.aborted++
      state.abortError = error
    },
  }
  const bytes = () => {
    const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
    let offset = 0
    for (const chunk of chunks) {
      all.set(chunk, offset)
      offset += chunk.length
    }
    return all
  }
  return { sink, state, bytes }
}

const bytes = (...values: number[]) => new Uint8Array(values)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('createSessionRecorder', () => {
  it('records both directions in order with times, then an end mark, and closes the sink', async () => {
    const memory = memorySink()
    const recorder = createSessionRecorder({ sink: () => memory.sink }, session)
    recorder.fromServer(bytes(0x52, 0x46, 0x42))
    await sleep(20)
    recorder.fromClient({ kind: 'updateRequest', bytes: bytes(3, 0, 0, 0) })
    recorder.fromServer(bytes(0, 0, 0, 1))
    const outcome = await recorder.finish()
    expect(outcome).toEqual({ complete: true, bytes: memory.bytes().length })
    expect(memory.state).toMatchObject({ closed: 1, aborted: 0 })
    const recording = readRecording(memory.bytes())
    expect(recording.session).toEqual(session)
    expect(recording.complete).toBe(true)
    expect(recording.frames.map((frame) => [frame.direction, [...frame.data]])).toEqual([
      ['server', [0x52, 0x46, 0x42]],
      ['client', [3, 0, 0, 0]],
      ['server', [0, 0, 0, 1]],
    ])
    expect(recording.frames[1]!.ms).toBeGreaterThanOrEqual(15)
    expect(recording.durationMs).toBeGreaterThanOrEqual(recording.frames[2]!.ms)
  })

  it('waits for an async sink factory, queueing meanwhile', async () => {
    const memory = memorySink()
    const recorder = createSessionRecorder(
      { sink: () => sleep(30).then(() => memory.sink) },
      session,
    )
    recorder.fromServer(bytes(1))
    recorder.fromServer(bytes(2))
    expect(await recorder.finish()).toMatchObject({ complete: true })
    expect(readRecording(memory.bytes()).frames).toHaveLength(2)
  })

  it('stops at the size cap: the console goes on, the recording is closed and marked incomplete', async () => {
    const memory = memorySink()
    const recorder = createSessionRecorder(
      { sink: () => memory.sink, maxBytesPerSession: 1_000 },
      session,
    )
    for (let i = 0; i < 50; i++) recorder.fromServer(new Uint8Array(100).fill(i))
    const outcome = await recorder.finish()
    expect(outcome).toMatchObject({ complete: false, reason: 'size cap' })
    const recording = readRecording(memory.bytes())
    // Header + whole frames within the cap; only the small end mark may go past it.
    expect(memory.bytes().length - 9 - 40).toBeLessThanOrEqual(1_000)
    expect(recording.frames.length).toBeGreaterThan(0)
    expect(recording.frames.length).toBeLessThan(10)
    expect(recording.frames.every((frame, i) => frame.data[0] === i)).toBe(true)
    expect(recording).toMatchObject({ complete: false, reason: 'size cap' })
    expect(memory.state).toMatchObject({ closed: 1, aborted: 0 })
  })

  it.each([
    [
      'write throws',
      (memory: ReturnType<typeof memorySink>) => {
        memory.sink.write = () => {
          throw new Error('EIO')
        }
      },
    ],
    [
      'write rejects',
      (memory: ReturnType<typeof memorySink>) => {
        memory.sink.write = () => Promise.reject(new Error('EIO'))
      },
    ],
    [
      'close rejects',
      (memory: ReturnType<typeof memorySink>) => {
        memory.sink.close = () => Promise.reject(new Error('EIO'))
      },
    ],
  ])('a sink whose %s is aborted; the relay never sees it', async (_, breakIt) => {
    const memory = memorySink()
    breakIt(memory)
    const recorder = createSessionRecorder({ sink: () => memory.sink }, session)
    expect(() => {
      recorder.fromServer(bytes(1, 2, 3))
      recorder.fromClient({ kind: 'pointer', bytes: bytes(5, 0, 0, 0, 0, 0) })
    }).not.toThrow()
    await sleep(0)
    recorder.fromServer(bytes(4))
    expect(await recorder.finish()).toMatchObject({ complete: false, reason: 'sink failed' })
    expect(memory.state.aborted).toBe(1)
    expect(memory.state.abortError?.message).toBe('EIO')
  })

  it('a sink factory that throws or rejects: no recording, nothing thrown', async () => {
    for (const sink of [
      () => {
        throw new Error('no disk')
      },
      () => Promise.reject(new Error('no disk')),
    ]) {
      const recorder = createSessionRecorder({ sink }, session)
      recorder.fromServer(bytes(1))
      expect(await recorder.finish()).toEqual({ complete: false, bytes: 0, reason: 'sink failed' })
    }
  })

  it('bounds what waits for a slow sink, then stops (sink too slow) and closes it once it catches up', async () => {
    const memory = memorySink()
    let release: () => void = () => {}
    let held = 0
    const write = memory.sink.write
    memory.sink.write = (chunk) => {
      // The first write hangs until released: every later frame queues.
      void write(chunk)
      if (held++ === 0) return new Promise<void>((resolve) => (release = resolve))
    }
    const recorder = createSessionRecorder(
      { sink: () => memory.sink, maxQueuedBytes: 64 * 1024 },
      session,
    )
    await sleep(0)
    // 10 MB offered while the sink is stuck: at most 64 KiB may be held.
    for (let i = 0; i < 10_000; i++) recorder.fromServer(new Uint8Array(1_000))
    release()
    const outcome = await recorder.finish()
    expect(outcome).toMatchObject({ complete: false, reason: 'sink too slow' })
    expect(outcome.bytes).toBeLessThanOrEqual(64 * 1024 + 100)
    expect(memory.state).toMatchObject({ closed: 1, aborted: 0 })
    expect(readRecording(memory.bytes())).toMatchObject({
      complete: false,
      reason: 'sink too slow',
    })
  })

  it('takes one message larger than the queue bound when nothing waits (a full-screen Raw update)', async () => {
    const memory = memorySink()
    const recorder = createSessionRecorder(
      { sink: () => memory.sink, maxQueuedBytes: 1_000 },
      session,
    )
    await sleep(0)
    recorder.fromServer(new Uint8Array(50_000))
    expect(await recorder.finish()).toMatchObject({ complete: true })
    expect(readRecording(memory.bytes()).frames[0]!.data.length).toBe(50_000)
  })

  it('a sink that never settles: finish gives up after finishTimeoutMs and aborts it', async () => {
    const memory = memorySink()
    memory.sink.write = () => new Promise<void>(() => {})
    const recorder = createSessionRecorder(
      { sink: () => memory.sink, finishTimeoutMs: 100 },
      session,
    )
    recorder.fromServer(bytes(1))
    const started = Date.now()
    expect(await recorder.finish()).toMatchObject({ complete: false, reason: 'sink failed' })
    expect(Date.now() - started).toBeLessThan(5_000)
    await sleep(0)
    expect(memory.state.aborted).toBe(1)
  })

  it('a sink that opens after finish gave up is aborted, not left open', async () => {
    const memory = memorySink()
    const recorder = createSessionRecorder(
      { sink: () => sleep(200).then(() => memory.sink), finishTimeoutMs: 50 },
      session,
    )
    expect(await recorder.finish()).toMatchObject({ complete: false, reason: 'sink failed' })
    await sleep(300)
    expect(memory.state).toMatchObject({ closed: 0, aborted: 1 })
  })

  it('ignores frames after finish', async () => {
    const memory = memorySink()
    const recorder = createSessionRecorder({ sink: () => memory.sink }, session)
    recorder.fromServer(bytes(1))
    const outcome = recorder.finish()
    recorder.fromServer(bytes(2))
    await outcome
    expect(readRecording(memory.bytes()).frames).toHaveLength(1)
  })
})
