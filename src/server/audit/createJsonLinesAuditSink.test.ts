import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { AuditEvent } from './AuditEvent.js'
import { createJsonLinesAuditSink } from './createJsonLinesAuditSink.js'

const event: AuditEvent = {
  type: 'clipboard',
  time: '2026-12-07T03:12:00.000Z',
  replica: 'a',
  sessionId: 's',
  user: 'alice',
  provider: 'ecs',
  vmId: 'vm',
  mode: 'control',
  direction: 'toConsole',
  length: 12,
  dropped: false,
}

describe('createJsonLinesAuditSink', () => {
  it('writes one JSON object per line to a stream, which it leaves open', async () => {
    const stream = new PassThrough()
    let text = ''
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()))
    const sink = createJsonLinesAuditSink({ stream })
    sink(event)
    sink({ ...event, length: 3 })
    await sink.close()
    expect(stream.writable).toBe(true)
    expect(text.split('\n')).toEqual([
      JSON.stringify(event),
      JSON.stringify({ ...event, length: 3 }),
      '',
    ])
  })

  it('appends to a file and ends it on close', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'audit-'))
    try {
      const path = join(dir, 'audit.jsonl')
      const first = createJsonLinesAuditSink({ path })
      first(event)
      await first.close()
      const second = createJsonLinesAuditSink({ path })
      second(event)
      await second.close()
      const lines = (await readFile(path, 'utf8')).trim().split('\n')
      expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([event, event])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('throws on every event after its stream failed (the gateway logs it)', async () => {
    const stream = new Writable({ write: (_chunk, _encoding, done) => done(new Error('EIO')) })
    const sink = createJsonLinesAuditSink({ stream })
    sink(event)
    await new Promise((resolve) => setImmediate(resolve))
    expect(() => sink(event)).toThrow('EIO')
  })
})
