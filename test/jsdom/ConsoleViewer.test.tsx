// The viewer through the REAL react-vnc (and the noVNC it bundles) against a real RFB server.
import { act, render, waitFor } from '@testing-library/react'
import { createRef, StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ConsoleError } from '../../src/core/errors/ConsoleError.js'
import { ConsoleViewer } from '../../src/react/lazy/ConsoleViewer.js'
import type { ConsoleViewerHandle } from '../../src/react/types.js'
import type { ConsoleStatus } from '../../src/core/connection/types.js'
import {
  consoleRoot,
  FAST_RECONNECT,
  KEYSYM,
  stateOf,
  waitForState,
} from '../support/console/index.js'
import { canvasPixel } from '../support/installBrowserStubs.js'
import { serve } from '../support/consoleUi.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('ConsoleViewer', () => {
  it('connects, paints the first frame, and reports its states', async () => {
    const vm = await serve({ width: 64, height: 48, scene: false })
    vm.server.framebuffer.fillRect(0, 0, 64, 48, 0x123456)
    const states: string[] = []
    const { container } = render(
      <ConsoleViewer url={vm.issue()} onStateChange={(s) => states.push(s.state)} />,
    )
    expect(stateOf(consoleRoot(container))).toBe('idle')
    await waitForState(container, 'connected')
    const canvas = container.querySelector('[data-rvc-screen] canvas') as HTMLCanvasElement
    expect(canvas).not.toBeNull()
    await waitFor(() => expect(canvasPixel(canvas, 10, 10)).toBe(0x123456))
    expect(states.filter((s, i) => s !== states[i - 1])).toEqual(['connecting', 'connected'])
    expect(vm.seen).toHaveLength(1)
  })

  it('opens exactly one socket and fetches exactly once under StrictMode', async () => {
    const vm = await serve()
    const getUrl = vi.fn(async () => vm.issue())
    const { container } = render(
      <StrictMode>
        <ConsoleViewer getUrl={getUrl} />
      </StrictMode>,
    )
    await waitForState(container, 'connected')
    await sleep(300)
    expect(getUrl).toHaveBeenCalledTimes(1)
    expect(vm.seen).toHaveLength(1)
    expect(vm.refused).toBe(0)
    expect(vm.server.sessions).toHaveLength(1)
  })

  it('sends Ctrl+Alt+Del as six key events and pastes as ClientCutText', async () => {
    const vm = await serve()
    const ref = createRef<ConsoleViewerHandle>()
    const { container } = render(<ConsoleViewer ref={ref} url={vm.issue()} />)
    await waitForState(container, 'connected')
    const session = vm.server.sessions[0]!
    act(() => ref.current!.sendCtrlAltDel())
    await session.waitUntil((s) => s.keys.length >= 6)
    expect(session.keys.map((k) => [k.keysym, k.down])).toEqual([
      [KEYSYM.ctrl, true],
      [KEYSYM.alt, true],
      [KEYSYM.delete, true],
      [KEYSYM.delete, false],
      [KEYSYM.alt, false],
      [KEYSYM.ctrl, false],
    ])
    act(() => ref.current!.setServerClipboard('hello, console'))
    await session.waitUntil((s) => s.clientCutTexts.length > 0)
    expect(session.clientCutTexts).toEqual(['hello, console'])
    act(() => ref.current!.sendKeys('Alt+F4'))
    await session.waitUntil((s) => s.keys.length >= 10)
    expect(session.keys.slice(6).map((k) => [k.keysym, k.down])).toEqual([
      [KEYSYM.alt, true],
      [KEYSYM.f(4), true],
      [KEYSYM.f(4), false],
      [KEYSYM.alt, false],
    ])
  })

  it('asks for credentials the server wants, and connects once they are sent', async () => {
    const vm = await serve({ password: 'pa55word' })
    const ref = createRef<ConsoleViewerHandle>()
    const asked = vi.fn()
    const { container } = render(
      <ConsoleViewer ref={ref} url={vm.issue()} onCredentialsRequired={asked} />,
    )
    await waitFor(() =>
      expect(consoleRoot(container)?.hasAttribute('data-credentials-required')).toBe(true),
    )
    expect(asked).toHaveBeenCalledWith(['password'])
    expect(stateOf(consoleRoot(container))).toBe('connecting')
    act(() => ref.current!.sendCredentials({ password: 'pa55word' }))
    await waitForState(container, 'connected')
  })

  it('sends the credentials prop without asking', async () => {
    const vm = await serve({ password: 'pa55word' })
    const { container } = render(
      <ConsoleViewer url={vm.issue()} credentials={{ password: 'pa55word' }} />,
    )
    await waitForState(container, 'connected')
  })

  it('stops on a security failure: error state, no retry', async () => {
    const vm = await serve({ password: 'right' })
    const getUrl = vi.fn(async () => vm.issue())
    const errors: ConsoleError[] = []
    const { container } = render(
      <ConsoleViewer
        getUrl={getUrl}
        credentials={{ password: 'wrong' }}
        reconnect={FAST_RECONNECT}
        onError={(e) => errors.push(e)}
      />,
    )
    await waitForState(container, 'error')
    expect(consoleRoot(container)?.getAttribute('data-error-kind')).toBe('vnc_security')
    expect(errors[0]).toMatchObject({ kind: 'vnc_security', provider: 'vnc', retryable: false })
    await sleep(200)
    expect(getUrl).toHaveBeenCalledTimes(1)
  })

  it('reconnects after a server drop with a NEW url from getUrl', async () => {
    const vm = await serve()
    const getUrl = vi.fn(async () => vm.issue())
    const statuses: ConsoleStatus[] = []
    const { container } = render(
      <ConsoleViewer
        getUrl={getUrl}
        reconnect={FAST_RECONNECT}
        onStateChange={(s) => statuses.push(s)}
      />,
    )
    await waitForState(container, 'connected')
    vm.server.sessions[0]!.close()
    await waitFor(() => expect(statuses.some((s) => s.state === 'disconnected')).toBe(true))
    const dropped = statuses.find((s) => s.state === 'disconnected')!
    expect(dropped).toMatchObject({ attempt: 1, error: { kind: 'vnc_disconnected' } })
    expect(dropped.nextRetryAt).toBeGreaterThan(0)
    await waitFor(() => expect(getUrl).toHaveBeenCalledTimes(2))
    await waitForState(container, 'connected')
    expect(vm.seen).toHaveLength(2)
    expect(new Set(vm.seen).size).toBe(2)
    expect(vm.refused).toBe(0)
  })

  it('gives up after the policy allows, as an error', async () => {
    const vm = await serve()
    let calls = 0
    const getUrl = async () => (++calls === 1 ? vm.issue() : `${vm.listener.url}?token=spent`)
    const { container } = render(
      <ConsoleViewer getUrl={getUrl} reconnect={{ ...FAST_RECONNECT, maxAttempts: 2 }} />,
    )
    await waitForState(container, 'connected')
    vm.server.sessions[0]!.close()
    await waitForState(container, 'error')
    expect(calls).toBe(3)
    expect(consoleRoot(container)?.getAttribute('data-error-kind')).toBe('vnc_disconnected')
  })

  it('does not reconnect after the user disconnects', async () => {
    const vm = await serve()
    const ref = createRef<ConsoleViewerHandle>()
    const getUrl = vi.fn(async () => vm.issue())
    const onDisconnect = vi.fn()
    const { container } = render(
      <ConsoleViewer
        ref={ref}
        getUrl={getUrl}
        reconnect={FAST_RECONNECT}
        onDisconnect={onDisconnect}
      />,
    )
    await waitForState(container, 'connected')
    const session = vm.server.sessions[0]!
    act(() => ref.current!.disconnect())
    expect(stateOf(consoleRoot(container))).toBe('disconnected')
    expect(onDisconnect).toHaveBeenCalledWith({ clean: true, byUser: true })
    await sleep(200)
    expect(getUrl).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(session.state).toBe('closed'))
    expect(vm.server.sessions).toHaveLength(0)
    act(() => ref.current!.connect())
    await waitForState(container, 'connected')
    expect(getUrl).toHaveBeenCalledTimes(2)
  })

  it('never retries unauthorized credentials; retries network failures with backoff', async () => {
    const unauthorized = vi.fn(async () => {
      throw new ConsoleError({ kind: 'unauthorized', provider: 'cloudtower', message: 'no' })
    })
    const first = render(<ConsoleViewer getUrl={unauthorized} reconnect={FAST_RECONNECT} />)
    await waitForState(first.container, 'error')
    expect(consoleRoot(first.container)?.getAttribute('data-error-kind')).toBe('unauthorized')
    await sleep(150)
    expect(unauthorized).toHaveBeenCalledTimes(1)
    first.unmount()

    const vm = await serve()
    let calls = 0
    const flaky = vi.fn(async () => {
      if (++calls === 1) throw new ConsoleError({ kind: 'network', provider: 'ecs', message: 'x' })
      return vm.issue()
    })
    const second = render(<ConsoleViewer getUrl={flaky} reconnect={FAST_RECONNECT} />)
    await waitForState(second.container, 'connected')
    expect(flaky).toHaveBeenCalledTimes(2)
  })

  it('aborts the fetch on unmount and updates nothing afterwards', async () => {
    let signal: AbortSignal | undefined
    const onStateChange = vi.fn()
    const getUrl = (s: AbortSignal) => {
      signal = s
      return new Promise<string>(() => {})
    }
    const { container, unmount } = render(
      <ConsoleViewer getUrl={getUrl} onStateChange={onStateChange} />,
    )
    await waitForState(container, 'fetching')
    const calls = onStateChange.mock.calls.length
    unmount()
    // In a microtask: StrictMode's replay of the effect keeps the attempt, an unmount does not.
    await Promise.resolve()
    expect(signal?.aborted).toBe(true)
    await sleep(100)
    expect(onStateChange).toHaveBeenCalledTimes(calls)
  })

  it('changes view settings live, and ignores new callback identities', async () => {
    const vm = await serve()
    const ref = createRef<ConsoleViewerHandle>()
    const url = vm.issue()
    const { container, rerender } = render(
      <ConsoleViewer ref={ref} url={url} onConnect={() => {}} />,
    )
    await waitForState(container, 'connected')
    rerender(<ConsoleViewer ref={ref} url={url} viewOnly onConnect={() => {}} onBell={() => {}} />)
    act(() => ref.current!.sendCtrlAltDel())
    await sleep(150)
    const session = vm.server.sessions[0]!
    expect(session.keys).toHaveLength(0)
    rerender(<ConsoleViewer ref={ref} url={url} qualityLevel={2} onConnect={() => {}} />)
    act(() => ref.current!.sendKeys('Esc'))
    await session.waitUntil((s) => s.keys.length === 2)
    expect(stateOf(consoleRoot(container))).toBe('connected')
    expect(vm.seen).toHaveLength(1)
  })

  it('reconnects cleanly when the url changes', async () => {
    const vm = await serve()
    const first = vm.issue()
    const { container, rerender } = render(<ConsoleViewer url={first} />)
    await waitForState(container, 'connected')
    const old = vm.server.sessions[0]!
    rerender(<ConsoleViewer url={vm.issue()} />)
    await waitFor(() => expect(vm.seen).toHaveLength(2))
    await waitForState(container, 'connected')
    await waitFor(() => expect(old.state).toBe('closed'))
    expect(vm.server.sessions).toHaveLength(1)
    expect(vm.server.sessions[0]).not.toBe(old)
  })

  it('keeps the page focus when the mouse passes over the console', async () => {
    const vm = await serve()
    const { container } = render(
      <div>
        <input aria-label="search" />
        <ConsoleViewer url={vm.issue()} />
      </div>,
    )
    await waitForState(container, 'connected')
    const input = container.querySelector('input')!
    input.focus()
    const canvas = container.querySelector('canvas')!
    // What a browser dispatches when the pointer moves from the input onto the console.
    input.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: canvas }))
    canvas.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, relatedTarget: input }))
    canvas.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: input }))
    input.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, relatedTarget: canvas }))
    expect(document.activeElement).toBe(input)
  })
})

describe('ConsoleViewer without a target', () => {
  it('goes back to idle when the target disappears, or autoConnect turns off', async () => {
    const vm = await serve()
    const url = vm.issue()
    const { container, rerender } = render(<ConsoleViewer url={url} />)
    await waitForState(container, 'connected')
    const session = vm.server.sessions[0]!
    rerender(<ConsoleViewer url={undefined} />)
    expect(stateOf(consoleRoot(container))).toBe('idle')
    await waitFor(() => expect(session.state).toBe('closed'))
    rerender(<ConsoleViewer url={vm.issue()} />)
    await waitForState(container, 'connected')
    rerender(<ConsoleViewer url={url} autoConnect={false} />)
    expect(stateOf(consoleRoot(container))).toBe('idle')
    expect(consoleRoot(container)?.hasAttribute('data-attempt')).toBe(false)
  })

  it('never retries an unauthorized error, even one that says it is retryable', async () => {
    const getUrl = vi.fn(async () => {
      throw new ConsoleError({
        kind: 'unauthorized',
        provider: 'cloudtower',
        message: 'no',
        retryable: true,
      })
    })
    const { container } = render(<ConsoleViewer getUrl={getUrl} reconnect={FAST_RECONNECT} />)
    await waitForState(container, 'error')
    await sleep(150)
    expect(getUrl).toHaveBeenCalledTimes(1)
  })
})
