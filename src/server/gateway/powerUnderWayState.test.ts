import { describe, expect, it } from 'vitest'
import { powerUnderWayState } from './powerUnderWayState.js'

describe('powerUnderWayState', () => {
  it('shows a start under way until the VM runs', () => {
    expect(powerUnderWayState({ state: 'stopped', cloudStatus: 'STOPPED' }, 'start')).toEqual({
      state: 'starting',
      cloudStatus: 'STOPPED',
    })
    expect(powerUnderWayState({ state: 'running', cloudStatus: 'RUNNING' }, 'start').state).toBe(
      'running',
    )
  })

  it('shows a stop under way until the VM is stopped', () => {
    const running = { state: 'running', cloudStatus: 'RUNNING' } as const
    expect(powerUnderWayState(running, 'shutdown').state).toBe('stopping')
    expect(powerUnderWayState(running, 'poweroff').state).toBe('stopping')
    expect(powerUnderWayState({ state: 'stopped', cloudStatus: 'SHUTOFF' }, 'poweroff').state).toBe(
      'stopped',
    )
  })

  it('shows a restart under way while its task runs, whatever the cloud says', () => {
    const running = { state: 'running', cloudStatus: 'RUNNING' } as const
    expect(powerUnderWayState(running, 'restart').state).toBe('restarting')
    expect(powerUnderWayState(running, 'forceRestart').state).toBe('restarting')
  })

  it('passes the cloud’s own transitions, other states, and no action unchanged', () => {
    const powering = { state: 'stopping', cloudStatus: 'ACTIVE (powering-off)' } as const
    expect(powerUnderWayState(powering, 'start')).toBe(powering)
    const deleted = { state: 'deleted', cloudStatus: 'DELETED' } as const
    expect(powerUnderWayState(deleted, 'start')).toBe(deleted)
    const stopped = { state: 'stopped', cloudStatus: 'STOPPED' } as const
    expect(powerUnderWayState(stopped, undefined)).toBe(stopped)
  })
})
