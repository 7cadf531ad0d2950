// The connection without React, the DOM or noVNC: a fake screen and fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { ConnectionPhase, ConsoleStatus } from '../../core/connection/types.js'
import { ConnectionController, type ConnectionProps } from './ConnectionController.js'
import type { VmPowerControl } from './VmPowerControl.js'
import type { VmState } from '../../core/power/VmState.js'

function setup(props: ConnectionProps, loadScreen = () => Promise.resolve() as Promise<unknown>) {
  const statuses: ConsoleStatus[] = []
  const mounted: { id: number; url: string }[] = []
  const opened: { id: number; url: string }[] = []
  const screen = { phase: 'rfb' as ConnectionPhase, unmounts: 0, ready: true }
  const controller = new ConnectionController({
    props: () => props,
    takeEarlyUrl: () => undefined,
    screenReady: () => screen.ready,
    loadScreen,
    openSocket: (id, url) => opened.push({ id, url }),
    mountScreen: (id, url) => mounted.push({ id, url }),
    unmountScreen: () => screen.unmounts++,
    phase: () => screen.phase,
    statusChanged: (status) => statuses.push(status),
  })
  /** Runs the pending microtasks and promise callbacks (getUrl resolving, the attempt starting). */
  const settle = () => vi.advanceTimersByTimeAsync(0)
  return { controller, statuses, mounted, opened, screen, settle }
}

let urls = 0
const getUrl = vi.fn(async () => `ws://proxy.test/websockify?token=t${++urls}`)

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 })
  getUrl.mockClear()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('ConnectionController', () => {
  it('StrictMode: start, stop, start in one tick fetches once and mounts one screen', async () => {
    const { controller, mounted, settle } = setup({ getUrl })
    controller.start()
    controller.stop()
    controller.start()
    await settle()
    expect(getUrl).toHaveBeenCalledTimes(1)
    expect(mounted).toHaveLength(1)
    expect(mounted[0]?.id).toBe(controller.id)
  })

  it('StrictMode replaying a layout effect after the attempt began: release then begin keeps it', async () => {
    const { controller, mounted, opened, screen, settle } = setup({ getUrl })
    controller.begin('vm-1')
    await settle()
    const id = controller.id
    expect(opened).toHaveLength(1)
    // The replay: cleanup, then setup for the same target, synchronously.
    controller.release('vm-1')
    controller.begin('vm-1')
    await settle()
    expect(controller.id).toBe(id)
    expect(controller.isCurrent(id)).toBe(true)
    expect(getUrl).toHaveBeenCalledTimes(1)
    expect(opened).toHaveLength(1)
    expect(mounted).toEqual([{ id, url: opened[0]?.url }])
    expect(screen.unmounts).toBe(1) // the one before the attempt, none after
    controller.connected(id)
    expect(controller.status.state).toBe('connected')
  })

  it('release alone stops in a microtask and ignores the attempt meanwhile; a new target starts anew', async () => {
    const onDisconnect = vi.fn()
    const { controller, screen, settle } = setup({ getUrl, onDisconnect })
    controller.begin('vm-1')
    await settle()
    const id = controller.id
    controller.release('vm-1')
    // react-vnc's own unmount reports a disconnect before the stop: not a drop.
    controller.dropped(id, true)
    expect(onDisconnect).not.toHaveBeenCalled()
    expect(controller.isCurrent(id)).toBe(false)
    const unmounts = screen.unmounts
    await Promise.resolve()
    expect(screen.unmounts).toBe(unmounts + 1)
    expect(controller.id).not.toBe(id)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(getUrl).toHaveBeenCalledTimes(1)
    // A new target: the old attempt stops at once and a new one fetches.
    controller.begin('vm-1')
    await settle()
    controller.release('vm-1')
    controller.begin('vm-2')
    await settle()
    expect(getUrl).toHaveBeenCalledTimes(3)
    expect(controller.isCurrent(controller.id)).toBe(true)
  })

  it('opens the socket as soon as the URL is known, while the screen’s code still loads', async () => {
    let loaded = () => {}
    const code = new Promise((resolve) => (loaded = () => resolve(undefined)))
    const { controller, mounted, opened, screen, settle } = setup({ getUrl }, () => code)
    screen.ready = false
    controller.start()
    await settle()
    expect(opened).toEqual([
      { id: controller.id, url: 'ws://proxy.test/websockify?token=t' + urls },
    ])
    expect(mounted).toHaveLength(0)
    loaded()
    await settle()
    expect(mounted).toEqual(opened)
    // A ready URL opens in the attempt itself; an invalid one opens nothing and fails.
    const ready = setup({ url: 'ws://proxy.test/ready' })
    ready.controller.start()
    await ready.settle()
    expect(ready.opened.map((o) => o.url)).toEqual(['ws://proxy.test/ready'])
    const invalid = setup({ url: 'https://proxy.test/page' })
    invalid.controller.start()
    await invalid.settle()
    expect(invalid.opened).toEqual([])
    expect(invalid.controller.status.state).toBe('error')
  })

  it('a retry after a drop shows no stale countdown or error while it fetches and connects', async () => {
    const { controller, statuses, mounted, settle } = setup({ getUrl })
    controller.start()
    await settle()
    controller.connected(controller.id)
    controller.dropped(controller.id, true)
    const waiting = controller.status
    expect(waiting).toMatchObject({ state: 'disconnected', attempt: 1 })
    expect(waiting.error?.code).toBe('connection_lost')
    const delay = (waiting.nextRetryAt ?? 0) - Date.now()
    expect(delay).toBeGreaterThanOrEqual(800)
    expect(delay).toBeLessThanOrEqual(1_200)

    await vi.advanceTimersByTimeAsync(delay)
    expect(getUrl).toHaveBeenCalledTimes(2)
    expect(mounted).toHaveLength(2)
    expect(controller.status).toEqual({
      state: 'connecting',
      attempt: 1,
      capabilities: { power: false },
    })
    for (const status of statuses.filter(
      (s) => s.state === 'fetching' || s.state === 'connecting',
    )) {
      expect(status.nextRetryAt).toBeUndefined()
      expect(status.error).toBeUndefined()
    }
    controller.connected(controller.id)
    expect(controller.status).toEqual({
      state: 'connected',
      attempt: 0,
      capabilities: { power: false },
    })
  })

  it('a proxy that closes before the first RFB byte twice is a refusal: error at once, no third try', async () => {
    const onError = vi.fn()
    const { controller, screen, settle } = setup({ getUrl, onError })
    screen.phase = 'silent'
    const started = Date.now()
    controller.start()
    await settle()
    controller.dropped(controller.id, true)
    expect(controller.status.state).toBe('disconnected')
    expect(controller.status.error?.code).toBe('proxy_closed_early')
    await vi.advanceTimersByTimeAsync((controller.status.nextRetryAt ?? 0) - Date.now())
    controller.dropped(controller.id, true)
    expect(controller.status.state).toBe('error')
    expect(controller.status.error).toMatchObject({ code: 'proxy_closed_early', retryable: false })
    expect(onError).toHaveBeenCalledTimes(1)
    expect(Date.now() - started).toBeLessThan(2_000)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(getUrl).toHaveBeenCalledTimes(2)
  })

  it('a socket that never opened says the console proxy cannot be reached', async () => {
    const { controller, screen, settle } = setup({ getUrl, reconnect: false })
    screen.phase = 'unopened'
    controller.start()
    await settle()
    controller.dropped(controller.id, false)
    expect(controller.status.state).toBe('error')
    expect(controller.status.error?.code).toBe('proxy_unreachable')
    expect(controller.status.error?.message).toMatch(/could not reach the console proxy/i)
  })

  it('gives up after maxAttempts with the last error', async () => {
    const { controller, screen, settle } = setup({
      getUrl,
      reconnect: { maxAttempts: 2, baseDelayMs: 10, jitter: 0 },
    })
    screen.phase = 'unopened'
    controller.start()
    await settle()
    for (let i = 0; i < 2; i++) {
      controller.dropped(controller.id, false)
      expect(controller.status).toMatchObject({ state: 'disconnected', attempt: i + 1 })
      await vi.advanceTimersByTimeAsync(100)
    }
    controller.dropped(controller.id, false)
    expect(controller.status).toMatchObject({ state: 'error', attempt: 2 })
    expect(getUrl).toHaveBeenCalledTimes(3)
  })

  it('does not retry a credential error retrying cannot fix, even one marked retryable', async () => {
    const refused = vi.fn(async () => {
      throw new ConsoleError({ kind: 'forbidden', provider: 'ecs', message: 'no', retryable: true })
    })
    const { controller, settle } = setup({ getUrl: refused })
    controller.start()
    await settle()
    expect(controller.status).toMatchObject({ state: 'error', error: { kind: 'forbidden' } })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(refused).toHaveBeenCalledTimes(1)
  })

  it('ignores events of an attempt that is no longer current, and a user disconnect ends retries', async () => {
    const onDisconnect = vi.fn()
    const { controller, screen, settle } = setup({ getUrl, onDisconnect })
    controller.start()
    await settle()
    const old = controller.id
    controller.connected(old)
    controller.disconnect()
    expect(controller.status).toEqual({
      state: 'disconnected',
      attempt: 0,
      capabilities: { power: false },
    })
    expect(onDisconnect).toHaveBeenLastCalledWith({ clean: true, byUser: true })
    controller.dropped(old, true) // react-vnc's synthetic disconnect of the closed screen
    controller.connected(old)
    expect(controller.status.state).toBe('disconnected')
    expect(screen.unmounts).toBeGreaterThan(0)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(getUrl).toHaveBeenCalledTimes(1)
  })

  it('an app that disconnects from its onDisconnect callback stays disconnected', async () => {
    const props: ConnectionProps = { getUrl }
    const { controller, settle } = setup(props)
    props.onDisconnect = ({ byUser }) => {
      if (!byUser) controller.disconnect()
    }
    controller.start()
    await settle()
    controller.connected(controller.id)
    controller.dropped(controller.id, true)
    expect(controller.status).toEqual({
      state: 'disconnected',
      attempt: 0,
      capabilities: { power: false },
    })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(getUrl).toHaveBeenCalledTimes(1)
  })

  it('reset returns to idle from an error, with nothing stale', async () => {
    const { controller, screen, settle } = setup({ getUrl, reconnect: false })
    screen.phase = 'unopened'
    controller.start()
    await settle()
    controller.dropped(controller.id, false)
    controller.reset()
    expect(controller.status).toEqual({ state: 'idle', attempt: 0, capabilities: { power: false } })
  })

  describe('with the cloud at hand (vmPower)', () => {
    const refused = new ConsoleError({ kind: 'server', provider: 'cloudtower', message: 'no vnc' })
    const failing = vi.fn(async () => {
      throw refused
    })
    function power(state: () => Promise<{ state: VmState; cloudStatus: string }>) {
      let finish: (value?: unknown) => void = () => {}
      let refuse: (error: unknown) => void = () => {}
      const act = vi.fn(
        () =>
          new Promise((resolve, reject) => {
            finish = resolve
            refuse = reject
          }),
      )
      const control: VmPowerControl = {
        state: vi.fn(state),
        act,
        actions: ['start', 'restart', 'poweroff'],
        provider: 'cloudtower',
      }
      return { control, act, finish: () => finish(), refuse: (e: unknown) => refuse(e) }
    }

    it('a running VM (or an unknown answer) retries as before, after one state read', async () => {
      const answers: [() => Promise<{ state: VmState; cloudStatus: string }>, VmState][] = [
        [async () => ({ state: 'running', cloudStatus: 'RUNNING' }), 'running'],
        [() => Promise.reject(refused), 'unknown'],
      ]
      for (const [answer, expected] of answers) {
        const { control } = power(answer)
        const { controller, settle } = setup({ getUrl: failing, vmPower: control })
        controller.start()
        await settle()
        expect(control.state).toHaveBeenCalledTimes(1)
        expect(controller.status).toMatchObject({ state: 'disconnected', attempt: 1 })
        expect(controller.status.vmState).toBe(expected)
        controller.stop()
      }
    })

    it('restart: the drop it causes burns no attempt, and the end reconnects with a fresh URL', async () => {
      const { control, act, finish } = power(async () => ({ state: 'running', cloudStatus: '' }))
      const { controller, mounted, settle } = setup({ getUrl, vmPower: control })
      controller.start()
      await settle()
      controller.connected(controller.id)
      controller.power('restart')
      expect(act).toHaveBeenCalledWith('restart', expect.any(AbortSignal))
      expect(controller.status).toMatchObject({ state: 'connected', vmState: 'restarting' })
      controller.dropped(controller.id, true)
      expect(controller.status).toMatchObject({
        state: 'disconnected',
        attempt: 0,
        vmState: 'restarting',
      })
      expect(controller.status.error).toBeUndefined()
      await vi.advanceTimersByTimeAsync(60_000)
      expect(mounted).toHaveLength(1)
      finish()
      await settle()
      expect(getUrl).toHaveBeenCalledTimes(2)
      expect(mounted).toHaveLength(2)
      controller.connected(controller.id)
      expect(controller.status).toMatchObject({ state: 'connected', vmState: 'running' })
    })

    it('power off ends stopped and held; a refused action is an error; unoffered actions do nothing', async () => {
      const { control, act, finish, refuse } = power(async () => ({
        state: 'running',
        cloudStatus: '',
      }))
      const { controller, settle } = setup({ getUrl, vmPower: control })
      controller.start()
      await settle()
      controller.connected(controller.id)
      controller.power('forceRestart')
      expect(act).not.toHaveBeenCalled()
      controller.power('poweroff')
      finish()
      await settle()
      expect(controller.status).toMatchObject({ state: 'disconnected', vmState: 'stopped' })
      controller.power('start')
      refuse(new ConsoleError({ kind: 'server', provider: 'cloudtower', message: 'task failed' }))
      await settle()
      expect(controller.status).toMatchObject({ state: 'error', vmState: 'unknown' })
    })

    it('a user disconnect while an action runs stops following it: no reconnect when it ends', async () => {
      const { control, act, finish } = power(async () => ({ state: 'stopped', cloudStatus: '' }))
      const { controller, mounted, settle } = setup({ getUrl: failing, vmPower: control })
      controller.start()
      await settle()
      expect(controller.status).toMatchObject({ state: 'disconnected', vmState: 'stopped' })
      controller.power('start')
      const signal = (act.mock.calls[0] as unknown[] | undefined)?.[1] as AbortSignal
      controller.disconnect()
      expect(signal.aborted).toBe(true)
      finish()
      await vi.advanceTimersByTimeAsync(60_000)
      expect(mounted).toHaveLength(0)
      expect(controller.status).toMatchObject({ state: 'disconnected', vmState: 'unknown' })
    })
  })
})
