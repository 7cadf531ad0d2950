// The package entry holds thin shells; the viewer, toolbar and overlay arrive in one lazy chunk
// when the first console mounts. Each test imports the entry afresh, as a new page would.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { ConsoleError } from '../../src/core/ConsoleError.js'
import type * as EntryModule from '../../src/index.js'

type Entry = typeof EntryModule
const freshEntry = async (): Promise<Entry> => import('../../src/index.js')
const URL_WITH_TOKEN = 'ws://127.0.0.1:9/websockify?token=secret-token'

beforeEach(() => {
  vi.resetModules()
})
afterEach(() => {
  vi.doUnmock('../../src/react/viewerParts.js')
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
  vi.doMock('../../src/react/viewerParts.js', () => {
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

  vi.doUnmock('../../src/react/viewerParts.js')
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
