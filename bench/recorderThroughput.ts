// `npm run bench:recorder`: what the session recorder and the filesystem sink take, without a
// network in front: 256 MiB of server messages (64 KiB and 1 KiB each) fed as fast as the loop can,
// into a file in the system's temp directory. Prints MiB/s and the process's memory growth; also
// shows that a feeder faster than the disk stops at `maxQueuedBytes` (bounded memory) instead of
// growing. A benchmark, not a test: nothing fails.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import '../test/support/resolveTsFromJs.ts'

// src/ imports its siblings as `.js`: load it once the resolve hook above is in place.
const { createSessionRecorder } = await import('../src/server/recording/createSessionRecorder.ts')
const { createFileRecordingSink } =
  await import('../src/server/recording/createFileRecordingSink.ts')

const TOTAL = 256 * 1024 * 1024
const directory = await mkdtemp(join(tmpdir(), 'rvc-bench-recorder-'))
const sink = createFileRecordingSink({ directory })
let run = 0

for (const maxQueuedBytes of [1024 * 1024 * 1024, 8 * 1024 * 1024]) {
  for (const size of [64 * 1024, 1024]) {
    const message = new Uint8Array(size).fill(7)
    const rss = process.memoryUsage().rss
    const recorder = createSessionRecorder(
      { sink, maxQueuedBytes },
      {
        sessionId: `bench-${++run}`,
        user: 'bench',
        provider: 'ecs',
        vmId: 'vm',
        replica: 'bench',
        mode: 'control',
        startedAt: new Date().toISOString(),
      },
    )
    const started = performance.now()
    for (let fed = 0; fed < TOTAL;) {
      // Let the file stream run between bursts, as a relay's socket reads would.
      for (let i = 0; i < 64 && fed < TOTAL; i++, fed += size) recorder.fromServer(message)
      await new Promise((resolve) => setImmediate(resolve))
    }
    const outcome = await recorder.finish()
    const ms = performance.now() - started
    const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)
    console.log(
      `maxQueuedBytes ${mib(maxQueuedBytes)} MiB, ${size / 1024} KiB messages: ` +
        `${outcome.complete ? `${mib(outcome.bytes)} MiB in ${ms.toFixed(0)} ms, ${((outcome.bytes / 1024 / 1024 / ms) * 1000).toFixed(0)} MiB/s` : `stopped (${outcome.reason}) after ${mib(outcome.bytes)} MiB`}` +
        `, rss +${mib(process.memoryUsage().rss - rss)} MiB`,
    )
  }
}
await rm(directory, { recursive: true, force: true })
