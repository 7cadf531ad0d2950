import { describe, expect, it } from 'vitest'
import type { AuditEvent } from './AuditEvent.js'
import { createAuditTrail } from './createAuditTrail.js'

const start = {
  type: 'session.start',
  sessionId: 's-1',
  user: 'alice',
  provider: 'ecs',
  vmId: 'vm-1',
  mode: 'control',
} as const

function trail(audit: (event: AuditEvent) => void | Promise<void>) {
  const logged: { message: string; details?: Record<string, unknown> }[] = []
  const emit = createAuditTrail(
    audit,
    'replica-a',
    (_level, message, details) => logged.push({ message, details }),
    () => ['hunter2-secret'],
  )
  return { emit, logged }
}

describe('createAuditTrail', () => {
  it('stamps each event with an ISO time and the replica', () => {
    const seen: AuditEvent[] = []
    const { emit } = trail((event) => void seen.push(event))
    emit(start)
    expect(seen).toEqual([{ ...start, time: expect.any(String), replica: 'replica-a' }])
    expect(new Date(seen[0]!.time).toISOString()).toBe(seen[0]!.time)
  })

  it('neither throws nor waits when the sink throws or rejects, and logs it redacted', async () => {
    const { emit, logged } = trail(() => {
      throw new Error('disk full at hunter2-secret')
    })
    expect(() => emit(start)).not.toThrow()
    const slow = trail(() => Promise.reject(new Error('no route to hunter2-secret')))
    expect(slow.emit(start)).toBeUndefined()
    await new Promise((resolve) => setImmediate(resolve))
    for (const { message, details } of [...logged, ...slow.logged]) {
      expect(message).toMatch(/audit sink failed/)
      expect(details).toMatchObject({ type: 'session.start' })
    }
    expect(logged).toHaveLength(1)
    expect(slow.logged).toHaveLength(1)
  })

  it('redacts a known secret should one reach an event', () => {
    const seen: AuditEvent[] = []
    const { emit } = trail((event) => void seen.push(event))
    emit({
      type: 'console.refused',
      stage: 'request',
      status: 502,
      kind: 'server',
      reason: 'upstream said hunter2-secret',
    })
    expect(JSON.stringify(seen)).not.toContain('hunter2-secret')
  })

  it('does nothing without a sink', () => {
    expect(() =>
      createAuditTrail(
        undefined,
        'r',
        () => {},
        () => [],
      )(start),
    ).not.toThrow()
  })
})
