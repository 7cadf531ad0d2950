import { describe, expect, it } from 'vitest'
import type { AuditEventInput, AuditSession } from '../audit/AuditEvent.js'
import { createSessionHooks } from './createSessionHooks.js'
import type { GatewayContext, TicketRecord } from './types.js'

const session: AuditSession = {
  sessionId: 's-1',
  user: 'alice',
  provider: 'ecs',
  vmId: 'vm-1',
  mode: 'control',
}

function hooks(record: Partial<TicketRecord> = {}, auditKeys = false) {
  const audited: AuditEventInput[] = []
  const server: Uint8Array[] = []
  const client: string[] = []
  const ctx = {
    limits: { maxBrowserMessageBytes: 1024 * 1024 },
    options: { auditKeys },
    audit: (event: AuditEventInput) => audited.push(event),
    log: () => {},
  } as unknown as GatewayContext
  const made = createSessionHooks(
    ctx,
    {
      user: 'user:alice',
      sessionId: 's-1',
      mode: 'control',
      exclusive: false,
      ...record,
    } as TicketRecord,
    session,
    { onServer: (data) => server.push(data), onClient: (message) => client.push(message.kind) },
  )
  // The handshake: version both ways, None, ClientInit asking for an exclusive session.
  const down = (bytes: number[] | string) =>
    made.toBrowser(Buffer.from(typeof bytes === 'string' ? bytes : Uint8Array.from(bytes)), true)
  const up = (bytes: number[] | string) =>
    made.toUpstream(Buffer.from(typeof bytes === 'string' ? bytes : Uint8Array.from(bytes)), true)
  down('RFB 003.008\n')
  up('RFB 003.008\n')
  down([1, 1])
  up([1])
  down([0, 0, 0, 0])
  const init = up([0])
  return { made, up, down, init, audited, server, client }
}

const cut = (verdict: unknown) => (ArrayBuffer.isView(verdict) ? undefined : verdict)

describe('createSessionHooks', () => {
  it('forces the shared flag and passes the console stream on, to the recorder too', () => {
    const { init, server, down } = hooks()
    expect([...(init as Uint8Array)]).toEqual([1])
    expect(Buffer.from(down([0, 0, 0, 0, 1]) as Uint8Array)).toEqual(Buffer.from([0, 0, 0, 0, 1]))
    expect(server.map((chunk) => chunk.length)).toEqual([12, 2, 4, 5])
  })

  it('cuts a browser off with 4400 for garbage or a text frame, and says why', () => {
    const garbage = hooks()
    expect(cut(garbage.up([0x99, 0, 0, 0]))).toEqual({ code: 4400, reason: 'RFB protocol error' })
    expect(garbage.made.protocolError).toMatch(/153/)
    const text = hooks()
    expect(cut(text.made.toUpstream(Buffer.from('hi'), false))).toMatchObject({ code: 4400 })
    expect(text.made.protocolError).toBe('the browser sent a text frame')
  })

  it('audits a paste by its length only, and keys only with auditKeys', () => {
    const paste = [6, 0, 0, 0, 0, 0, 0, 5, ...Buffer.from('hello')]
    const key = [4, 1, 0, 0, 0, 0, 0, 0x61]
    const plain = hooks()
    plain.up([...paste, ...key])
    expect(plain.audited).toEqual([
      { type: 'clipboard', ...session, direction: 'toConsole', length: 5, dropped: false },
    ])
    expect(plain.client).toEqual(['clipboard', 'key'])
    const keyed = hooks({}, true)
    keyed.up(key)
    expect(keyed.audited).toEqual([
      { type: 'key', ...session, keysym: 0x61, down: true, dropped: false },
    ])
  })

  it('drops an observer’s input and says so in the audit', () => {
    const observer = hooks({ mode: 'observe' }, true)
    const forwarded = observer.up([4, 1, 0, 0, 0, 0, 0, 0x61, 3, 0, 0, 0, 0, 0, 0, 1, 0, 1])
    expect([...(forwarded as Uint8Array)]).toEqual([3, 0, 0, 0, 0, 0, 0, 1, 0, 1])
    expect(observer.audited).toMatchObject([{ type: 'key', dropped: true }])
  })
})
