import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readRecording } from '../../react/replay/readRecording.js'
import { createFileRecordingSink } from './createFileRecordingSink.js'
import { createSessionRecorder } from './createSessionRecorder.js'
import type { RecordedSession } from './RecordedSession.js'

const session = (sessionId: string): RecordedSession => ({
  sessionId,
  user: 'alice',
  provider: 'cloudtower',
  vmId: 'vm-1',
  replica: 'a',
  mode: 'observe',
  startedAt: new Date().toISOString(),
})

let directory: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'rvc-recordings-'))
})
afterEach(async () => {
  await rm(directory, { recursive: true, force: true })
})

describe('createFileRecordingSink', () => {
  it('writes one file per session, named from its id, renamed from .part when whole', async () => {
    const sink = createFileRecordingSink({ directory: join(directory, 'new', 'dir') })
    const recorder = createSessionRecorder({ sink }, session('abc-1'))
    // 4 MB in 64 KB messages: past the stream's buffer, so writes wait for drains.
    for (let i = 0; i < 64; i++) recorder.fromServer(new Uint8Array(64 * 1024).fill(i))
    recorder.fromClient({
      kind: 'updateRequest',
      bytes: new Uint8Array([3, 1, 0, 0, 0, 0, 4, 0, 3, 0]),
    })
    const outcome = await recorder.finish()
    expect(outcome.complete).toBe(true)
    expect(await readdir(join(directory, 'new', 'dir'))).toEqual(['abc-1.rvcrec'])
    const file = await readFile(join(directory, 'new', 'dir', 'abc-1.rvcrec'))
    expect(file.length).toBe(outcome.bytes)
    const recording = readRecording(new Uint8Array(file))
    expect(recording.complete).toBe(true)
    expect(recording.frames).toHaveLength(65)
    expect(recording.frames.slice(0, 64).every((frame, i) => frame.data[100] === i)).toBe(true)
  })

  it('keeps an unsafe id inside the directory', async () => {
    const sink = createFileRecordingSink({ directory })
    const recorder = createSessionRecorder({ sink }, session('../../escape'))
    recorder.fromServer(new Uint8Array([1]))
    await recorder.finish()
    expect(await readdir(directory)).toEqual(['______escape.rvcrec'])
  })

  it('never overwrites another session file: the second recording fails, the first is intact', async () => {
    await writeFile(join(directory, 'same.rvcrec.part'), 'someone else')
    const recorder = createSessionRecorder(
      { sink: createFileRecordingSink({ directory }) },
      session('same'),
    )
    recorder.fromServer(new Uint8Array([1]))
    expect(await recorder.finish()).toMatchObject({ complete: false, reason: 'sink failed' })
    expect(await readFile(join(directory, 'same.rvcrec.part'), 'utf8')).toBe('someone else')
  })

  it('an unwritable directory: the recording fails, nothing throws', async () => {
    if (process.getuid?.() === 0) {
      // root writes anywhere: a file where the directory should be fails for everyone.
      await writeFile(join(directory, 'file'), '')
    } else {
      await chmod(directory, 0o500)
    }
    const target = process.getuid?.() === 0 ? join(directory, 'file') : directory
    const recorder = createSessionRecorder(
      { sink: createFileRecordingSink({ directory: target }) },
      session('x'),
    )
    recorder.fromServer(new Uint8Array([1]))
    expect(await recorder.finish()).toMatchObject({ complete: false, reason: 'sink failed' })
    await chmod(directory, 0o700)
  })

  it('an aborted recording stays .part, readable up to its last whole frame', async () => {
    const sink = await createFileRecordingSink({ directory })(session('cut'))
    let writes = 0
    const recorder = createSessionRecorder(
      {
        // The disk fails on the second write (the end mark): what came before is on disk.
        sink: () => ({
          write: (chunk) =>
            writes++ === 0 ? sink.write(chunk) : Promise.reject(new Error('ENOSPC')),
          close: () => sink.close(),
          abort: (error) => sink.abort(error),
        }),
      },
      session('cut'),
    )
    recorder.fromServer(new Uint8Array([1, 2, 3]))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(await recorder.finish()).toMatchObject({ complete: false, reason: 'sink failed' })
    expect(await readdir(directory)).toEqual(['cut.rvcrec.part'])
    const recording = readRecording(
      new Uint8Array(await readFile(join(directory, 'cut.rvcrec.part'))),
    )
    expect(recording).toMatchObject({ complete: false, reason: 'cut off' })
    expect(recording.frames.map((frame) => [...frame.data])).toEqual([[1, 2, 3]])
  })
})
