// The package entry holds thin shells; the viewer, toolbar and overlay arrive in one lazy chunk
// when the first console mounts. Each test imports the entry afresh, as a new page would.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import { startFakeCloud } from '../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../fake-cloud/types.ts'
import type { ConsoleError } from '../../src/core/errors/ConsoleError.js'
import type * as EntryModule from '../../src/index.js'
import { startConsoleServer } from '../support/startConsoleServer.js'
import { waitForState } from '../support/console/index.js'

type Entry = typeof EntryModule
const freshEntry = async (): Promise<Entry> => import('../../src/index.js')
const URL_WITH_TOKEN = 'ws://127.0.0.1:9/websockify?token=secret-token'

beforeEach(() => {
  vi.resetModules()
})
let cloud: FakeCloudHandle
beforeAll(async () => {
  cloud = await startFakeCloud({ builtInVnc: true })
})
afterAll(() => cloud.close())

/** Holds the viewer chunk back until `open()`, as a slow network would. */
function gateViewerChunk() {
  let open = () => {}
  const gate = new Promise<void>((resolve) => {
    open = resolve
  })
  vi.doMock('../../src/react/lazy/viewerParts.js', async (importOriginal) => {
    await gate
    return importOriginal()
  })
  return { open }
}
afterEach(() => {
  vi.doUnmock('../../src/react/lazy/viewerParts.js')
})

it('renders its shell at once, with the app’s class, style and data, then the viewer', async () => {
  const { ConsoleViewer } = await freshEntry()
  const { container } = render(
    <ConsoleViewer
      url={URL_WITH_TOKEN}
      autoConnect={false}
      toolbar
      className="vm"
      style={{ height: 240 }}
      data-testid="console"
      aria-label="Web server"
    />,
  )
  const shell = screen.getByTestId('console')
  expect(shell.hasAttribute('data-loading')).toBe(true)
  expect(shell.getAttribute('data-state')).toBe('idle')
  expect(shell.getAttribute('aria-busy')).toBe('true')
  expect(shell.className).toBe('vm')
  expect(shell.style.height).toBe('240px')
  expect(shell.getAttribute('aria-label')).toBe('Web server')
  expect(container.innerHTML).not.toContain('secret-token')

  await waitFor(() =>
    expect(screen.getByTestId('console').hasAttribute('data-loading')).toBe(false),
  )
  expect(screen.getByRole('toolbar')).toBeTruthy()
  expect(screen.getByTestId('console').className).toBe('vm')
  expect(container.innerHTML).not.toContain('secret-token')
})

it('a toolbar part outside any viewer says where it belongs', async () => {
  const { ConsoleReconnectButton } = await freshEntry()
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
  expect(() => render(<ConsoleReconnectButton />)).toThrow(
    '<ConsoleReconnectButton> must be rendered inside <ConsoleViewer>.',
  )
  quiet.mockRestore()
})

it('exported parts render the real ones inside a viewer', async () => {
  const { ConsoleViewer, ConsoleStatusIndicator, ConsoleReconnectButton } = await freshEntry()
  render(
    <ConsoleViewer
      url={URL_WITH_TOKEN}
      autoConnect={false}
      toolbar={
        <div role="toolbar" aria-label="Mine">
          <ConsoleStatusIndicator />
          <ConsoleReconnectButton />
        </div>
      }
    />,
  )
  expect(await screen.findByRole('toolbar', { name: 'Mine' })).toBeTruthy()
  expect(screen.getByRole('status').textContent).toContain('Not connected')
})

it('a chunk that fails to load shows why with Retry, reports a ConsoleError, and Retry loads it', async () => {
  // What a failed chunk request does to import(): it rejects. jsdom cannot fail a real request here.
  vi.doMock('../../src/react/lazy/viewerParts.js', () => {
    throw new Error('Failed to fetch dynamically imported module')
  })
  const { ConsoleViewer } = await freshEntry()
  const errors: ConsoleError[] = []
  render(
    <ConsoleViewer
      url={URL_WITH_TOKEN}
      autoConnect={false}
      locale="zh-CN"
      data-testid="console"
      onError={(error) => errors.push(error)}
    />,
  )
  expect((await screen.findByRole('alert')).textContent).toContain(
    '无法加载控制台。请检查网络后重试。',
  )
  const shell = screen.getByTestId('console')
  expect(shell.getAttribute('data-state')).toBe('error')
  expect(shell.getAttribute('data-error-kind')).toBe('network')
  expect(shell.getAttribute('aria-busy')).toBe('false')
  expect(errors).toHaveLength(1)
  expect(errors[0]).toMatchObject({ kind: 'network', provider: 'vnc', retryable: true })
  expect(errors[0]?.message).toBe(
    'The console could not load its code. Check the network, then retry.',
  )

  vi.doUnmock('../../src/react/lazy/viewerParts.js')
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
  })
  await waitFor(() =>
    expect(screen.getByTestId('console').hasAttribute('data-loading')).toBe(false),
  )
  expect(screen.getByTestId('console').getAttribute('data-state')).toBe('idle')
  expect(screen.queryByRole('alert')).toBeNull()
})

it('after preloadConsole() the first render is already the viewer, with no shell', async () => {
  const { ConsoleViewer, preloadConsole } = await freshEntry()
  await preloadConsole()
  render(<ConsoleViewer url={URL_WITH_TOKEN} autoConnect={false} data-testid="console" />)
  const root = screen.getByTestId('console')
  expect(root.hasAttribute('data-loading')).toBe(false)
  expect(root.getAttribute('data-state')).toBe('idle')
  expect(root.querySelector('[data-rvc-screen]')).not.toBeNull()
})

it('preloadConsole() runs the credential code without a request and leaves the app’s queries alone', async () => {
  const { preloadConsole } = await freshEntry()
  const { QueryClient } = await import('@tanstack/react-query')
  const appClient = new QueryClient()
  const fetchSpy = vi.spyOn(globalThis, 'fetch')
  const issued = cloud.stats.issuedTokens
  try {
    await preloadConsole()
    await preloadConsole()
    expect(fetchSpy).not.toHaveBeenCalled()
  } finally {
    fetchSpy.mockRestore()
  }
  expect(cloud.stats.issuedTokens).toBe(issued)
  expect(appClient.getQueryCache().getAll()).toEqual([])
})

it('preloadConsole() resolves even when its run of the credential code fails', async () => {
  vi.doMock('../../src/react/urls/fetchFreshConsoleAccess.js', () => ({
    fetchFreshConsoleAccess: () => Promise.reject(new Error('no query here')),
  }))
  try {
    const { preloadConsole } = await freshEntry()
    await expect(preloadConsole()).resolves.toBeUndefined()
  } finally {
    vi.doUnmock('../../src/react/urls/fetchFreshConsoleAccess.js')
  }
})

it('a cold console fetches its credentials while its code loads, and connects with that one token', async () => {
  const chunk = gateViewerChunk()
  const { CloudTowerConsole } = await freshEntry()
  const issued = cloud.stats.issuedTokens
  const redeemed = cloud.stats.redeemedTokens
  const rejected = cloud.stats.rejectedUpgrades
  const { container } = render(
    <StrictMode>
      <CloudTowerConsole
        endpoint={cloud.url}
        token="fake-cloudtower-admin-token"
        vmId="vm-ubuntu-01"
        data-testid="console"
      />
    </StrictMode>,
  )
  // The token is issued while the shell still waits for the viewer's code.
  await waitFor(() => expect(cloud.stats.issuedTokens - issued).toBe(1))
  expect(screen.getByTestId('console').hasAttribute('data-loading')).toBe(true)

  chunk.open()
  await waitForState(container, 'connected')
  expect(screen.getByTestId('console').hasAttribute('data-loading')).toBe(false)
  expect(cloud.stats.issuedTokens - issued).toBe(1)
  expect(cloud.stats.redeemedTokens - redeemed).toBe(1)
  expect(cloud.stats.rejectedUpgrades).toBe(rejected)
  expect(container.innerHTML).not.toContain('fake-cloudtower-admin-token')
})

it('an early fetch for a target that changed while the code loaded is dropped, not used', async () => {
  const chunk = gateViewerChunk()
  const { ConsoleViewer } = await freshEntry()
  const asked: string[] = []
  const getUrlFor = (name: string) => async (signal: AbortSignal) => {
    asked.push(name)
    await new Promise((resolve) => setTimeout(resolve, 5))
    signal.throwIfAborted()
    return `ws://127.0.0.1:9/websockify?token=${name}`
  }
  const { rerender } = render(
    <ConsoleViewer getUrl={getUrlFor('a')} connectionKey="a" reconnect={false} data-testid="c" />,
  )
  await waitFor(() => expect(asked).toEqual(['a']))
  rerender(
    <ConsoleViewer getUrl={getUrlFor('b')} connectionKey="b" reconnect={false} data-testid="c" />,
  )
  chunk.open()
  await waitFor(() => expect(asked).toEqual(['a', 'b']))
  await waitFor(() =>
    expect(screen.getByTestId('c').getAttribute('data-state')).not.toBe('fetching'),
  )
  expect(asked).toEqual(['a', 'b'])
})

it('no early fetch without a connectionKey, with autoConnect off, or once the code is loaded', async () => {
  const chunk = gateViewerChunk()
  const { ConsoleViewer, preloadConsole } = await freshEntry()
  const getUrl = vi.fn(() => new Promise<string>(() => {}))
  const first = render(<ConsoleViewer getUrl={getUrl} />)
  const second = render(<ConsoleViewer getUrl={getUrl} connectionKey="k" autoConnect={false} />)
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(getUrl).not.toHaveBeenCalled()
  chunk.open()
  await preloadConsole()
  // The loaded viewer fetches for its own attempt: once, for the one that connects.
  await waitFor(() => expect(getUrl).toHaveBeenCalledTimes(1))
  first.unmount()
  second.unmount()
})

it('unmounting while the code loads cancels the early fetch', async () => {
  gateViewerChunk()
  const { ConsoleViewer } = await freshEntry()
  let fetchSignal: AbortSignal | undefined
  const getUrl = (signal: AbortSignal) => {
    fetchSignal = signal
    return new Promise<string>(() => {})
  }
  const { unmount } = render(<ConsoleViewer getUrl={getUrl} connectionKey="k" />)
  await waitFor(() => expect(fetchSignal).toBeDefined())
  expect(fetchSignal?.aborted).toBe(false)
  unmount()
  // In a microtask: StrictMode's unmount-remount keeps it, a real unmount does not.
  await Promise.resolve()
  expect(fetchSignal?.aborted).toBe(true)
})

it('an early fetch that is done when the code arrives mounts the screen at once, without fetching', async () => {
  const server = await startConsoleServer()
  try {
    const chunk = gateViewerChunk()
    const { ConsoleViewer } = await freshEntry()
    const { vncScreenLoader } = await import('../../src/react/loaders/vncScreenLoader.js')
    let resolved = false
    const getUrl = vi.fn(async () => {
      const url = server.issue()
      resolved = true
      return url
    })
    const states: string[] = []
    render(
      <ConsoleViewer
        getUrl={getUrl}
        connectionKey="vm-1"
        onStateChange={(status) => states.push(status.state)}
        data-testid="c"
      />,
    )
    await waitFor(() => expect(resolved).toBe(true))
    await vncScreenLoader.load()
    chunk.open()
    await waitFor(() =>
      expect(screen.getByTestId('c').getAttribute('data-state')).toBe('connected'),
    )
    // Straight to connecting: the fetch that ran while the code loaded is the attempt's.
    expect(states[0]).toBe('connecting')
    expect(states).not.toContain('fetching')
    expect(getUrl).toHaveBeenCalledTimes(1)
    expect(server.seen).toHaveLength(1)
    expect(server.refused).toBe(0)
  } finally {
    await server.close()
  }
})
