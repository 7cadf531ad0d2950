import { describe, expect, it } from 'vitest'
import { parseFaultPatch } from './parseFaultPatch.ts'

describe('parseFaultPatch', () => {
  it('accepts every switch and the one-shot actions', () => {
    expect(
      parseFaultPatch({
        latencyMs: 100,
        failNext: 2,
        failStatus: 502,
        rejectTokens: true,
        throttle: false,
        vncPassword: 'pw',
        dropConnections: true,
      }),
    ).toEqual({
      patch: {
        latencyMs: 100,
        failNext: 2,
        failStatus: 502,
        rejectTokens: true,
        throttle: false,
        vncPassword: 'pw',
      },
      dropConnections: true,
      reset: false,
    })
    expect(parseFaultPatch({ reset: true })).toEqual({
      patch: {},
      dropConnections: false,
      reset: true,
    })
  })

  it('treats an empty password as none', () => {
    expect(parseFaultPatch({ vncPassword: '' })).toMatchObject({ patch: { vncPassword: null } })
  })

  it.each([
    [null],
    [[]],
    [{ latencyMs: -1 }],
    [{ latencyMs: 1.5 }],
    [{ failNext: '2' }],
    [{ failStatus: 404 }],
    [{ throttle: 'yes' }],
    [{ vncPassword: 5 }],
    [{ dropConnections: 1 }],
    [{ explode: true }],
  ])('rejects %j', (body) => {
    expect(parseFaultPatch(body)).toHaveProperty('error')
  })
})
