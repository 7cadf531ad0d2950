import { describe, expect, it } from 'vitest'
import { parseTicketRecord } from './parseTicketRecord.js'

const base = {
  url: 'wss://console.example.com/websockify?token=t',
  origin: 'https://console.example.com',
  user: 'user:alice',
  target: { provider: 'ecs', serverId: 's-1' },
  slot: 'slot-1',
}

describe('parseTicketRecord', () => {
  it('keeps the session id, mode and exclusive flag a ticket was issued with', () => {
    const record = { ...base, sessionId: 'sess-1', mode: 'observe', exclusive: true }
    expect(parseTicketRecord(JSON.stringify(record))).toEqual(record)
  })

  it('gives a record from an older replica a fresh session id, control mode, shared', () => {
    const parsed = parseTicketRecord(JSON.stringify(base))
    expect(parsed).toMatchObject({ ...base, mode: 'control', exclusive: false })
    expect(parsed?.sessionId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('refuses a mode it does not know rather than guess, and takes only a true exclusive', () => {
    expect(parseTicketRecord(JSON.stringify({ ...base, mode: 'admin' }))).toBeUndefined()
    const parsed = parseTicketRecord(JSON.stringify({ ...base, exclusive: 'yes' }))
    expect(parsed?.exclusive).toBe(false)
  })

  it('refuses what is not a record of ours', () => {
    expect(parseTicketRecord('not json')).toBeUndefined()
    expect(parseTicketRecord(JSON.stringify({ ...base, user: 3 }))).toBeUndefined()
  })
})
