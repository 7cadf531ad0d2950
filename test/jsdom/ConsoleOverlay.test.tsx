// The overlay, announcements, i18n, keyboard capture and axe checks, through the real noVNC.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startFakeCloud } from '../../fake-cloud/startFakeCloud.ts'
import type { FakeCloudHandle } from '../../fake-cloud/types.ts'
import { ConsoleError } from '../../src/core/errors/ConsoleError.js'
import { ConsoleViewer } from '../../src/react/lazy/ConsoleViewer.js'
import { EcsConsole } from '../../src/react/consoles/EcsConsole.js'
import { createUser, expectNoAxeViolations, receivedKeys, serve } from '../support/consoleUi.js'
import { consoleRoot, KEYSYM, waitForState } from '../support/console/index.js'

const announcer = (container: HTMLElement) =>
  container.querySelector('[data-rvc-announcer][role="status"]')?.textContent
const consoleElement = () => screen.getByRole('application')

describe('Overlay', () => {
  it('covers the screen until connected, and says so in the live region', async () => {
    const vm = await serve({ desktopName: 'web-01' })
    let release: (url: string) => void = () => {}
    const getUrl = () => new Promise<string>((resolve) => (release = resolve))
    const { container } = render(<ConsoleViewer getUrl={getUrl} overlay />)
    await waitForState(container, 'fetching')
    const overlay = container.querySelector('[data-rvc-overlay]')!
    expect(overlay.getAttribute('data-state')).toBe('fetching')
    expect(overlay.querySelector('[data-rvc-spinner]')).not.toBeNull()
    expect(announcer(container)).toBe('Requesting console access…')
    act(() => release(vm.issue()))
    await waitForState(container, 'connected')
    expect(container.querySelector('[data-rvc-overlay]')).toBeNull()
    expect(announcer(container)).toBe('Connected to web-01')
    expect(consoleElement().getAttribute('aria-label')).toBe('VM console: web-01')
  })

  it('tells an operator what a refused token means, as an alert, without Retry', async () => {
    const getUrl = vi.fn(async () => {
      throw new ConsoleError({
        kind: 'unauthorized',
        provider: 'cloudtower',
        code: 'LOGIN_FAILED',
        status: 200,
        message: 'CloudTower refused the session token.',
      })
    })
    const { container } = render(<ConsoleViewer getUrl={getUrl} overlay toolbar />)
    await waitForState(container, 'error')
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toBe('The CloudTower token was refused. Sign in again.')
    expect(screen.getByText('unauthorized · LOGIN_FAILED · HTTP 200')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
    expect(announcer(container)).toBe('Console error')
    await expectNoAxeViolations(container)
  })

  it('offers Retry where it helps, and it connects with fresh credentials', async () => {
    const user = createUser()
    const vm = await serve()
    let calls = 0
    const getUrl = vi.fn(async () => {
      if (++calls === 1) throw new ConsoleError({ kind: 'network', provider: 'ecs', message: 'x' })
      return vm.issue()
    })
    const { container } = render(<ConsoleViewer getUrl={getUrl} reconnect={false} overlay />)
    await waitForState(container, 'error')
    expect(screen.getByRole('alert').textContent).toBe(
      'Could not reach Huawei Cloud. Check the network or proxy, then retry.',
    )
    const retry = screen.getByRole('button', { name: 'Retry' })
    // The focus had nowhere to be: it lands on the useful button.
    expect(document.activeElement).toBe(retry)
    await user.click(retry)
    await waitForState(container, 'connected')
    expect(getUrl).toHaveBeenCalledTimes(2)
  })

  it('counts down to the reconnect, and Cancel stops it', async () => {
    const user = createUser()
    const vm = await serve()
    const getUrl = vi.fn(async () => vm.issue())
    const { container } = render(
      <ConsoleViewer
        getUrl={getUrl}
        reconnect={{ baseDelayMs: 3_000, jitter: 0, maxAttempts: 2 }}
        overlay
        toolbar
      />,
    )
    await waitForState(container, 'connected')
    vm.server.sessions[0]!.close()
    await waitForState(container, 'disconnected')
    const overlay = container.querySelector('[data-rvc-overlay]') as HTMLElement
    await waitFor(() =>
      expect(within(overlay).getByText(/^Connection lost\. Reconnecting in [1-3] s$/)).toBeTruthy(),
    )
    expect(announcer(container)).toBe('Connection lost. Reconnecting…')
    const status = container.querySelector('[data-rvc-status]') as HTMLElement
    expect(within(status).getByText(/Reconnecting in [1-3] s/)).toBeTruthy()
    await user.click(within(overlay).getByRole('button', { name: 'Cancel' }))
    expect(consoleRoot(container)?.hasAttribute('data-next-retry-at')).toBe(false)
    expect(within(overlay).getByText('Disconnected')).toBeTruthy()
    expect(announcer(container)).toBe('Disconnected')
    await new Promise((r) => setTimeout(r, 200))
    expect(getUrl).toHaveBeenCalledTimes(1)
  })

  it('asks for the VNC password in a form, and connects with it', async () => {
    const user = createUser()
    const vm = await serve({ password: 's3cret' })
    const { container } = render(<ConsoleViewer url={vm.issue()} overlay />)
    const password = (await screen.findByLabelText('Password')) as HTMLInputElement
    expect(screen.getByRole('form', { name: 'The VNC server asks for credentials' })).toBeTruthy()
    await expectNoAxeViolations(container)
    await user.type(password, 's3cret')
    // Typed, not yet sent: the password is in the field, never in the markup.
    expect(password.value).toBe('s3cret')
    expect(container.innerHTML).not.toContain('s3cret')
    await user.click(screen.getByRole('button', { name: 'Connect' }))
    await waitForState(container, 'connected')
    expect(container.innerHTML).not.toContain('s3cret')
  })
})

describe('ECS fallback', () => {
  let cloud: FakeCloudHandle
  beforeAll(async () => {
    cloud = await startFakeCloud({ builtInVnc: true })
  })
  afterAll(() => cloud.close())

  it('opens the ECS console page with a fresh token when embedding fails', async () => {
    const user = createUser()
    cloud.faults.set({ rejectTokens: true })
    const replace = vi.fn()
    const popup = { opener: window, location: { replace }, close: vi.fn() }
    const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    try {
      const { container } = render(
        <EcsConsole
          endpoint={cloud.url}
          projectId="13c67a214ced4afb88d911ae4bd5721a"
          serverId="47bc79ae-df61-4ade-9197-283a74e5d70e"
          authToken="fake-ecs-token"
          reconnect={false}
        />,
      )
      await waitForState(container, 'error')
      const issued = cloud.stats.issuedTokens
      await user.click(screen.getByRole('button', { name: 'Open console in a new window' }))
      expect(open).toHaveBeenCalledWith('about:blank', '_blank', expect.any(String))
      expect(popup.opener).toBeNull()
      await waitFor(() => expect(replace).toHaveBeenCalledTimes(1))
      expect(replace.mock.calls[0]![0]).toMatch(/vnc_auto\.html\?token=/)
      expect(cloud.stats.issuedTokens - issued).toBe(1)
      // The toolbar and overlay are on by default for the provider consoles.
      expect(container.querySelector('[role="toolbar"]')).not.toBeNull()
      expect(container.innerHTML).not.toContain('fake-ecs-token')
    } finally {
      open.mockRestore()
      cloud.faults.reset()
    }
  })
})

describe('Keyboard and focus', () => {
  it('captures the keyboard on Enter, and Ctrl+Alt+Shift releases it with keys let go', async () => {
    const vm = await serve()
    const { container } = render(<ConsoleViewer url={vm.issue()} toolbar overlay />)
    await waitForState(container, 'connected')
    const session = vm.server.sessions[0]!
    const element = consoleElement()
    const canvas = element.querySelector('canvas')!
    expect(element.tabIndex).toBe(0)
    expect(element.getAttribute('aria-describedby')).toBeTruthy()
    act(() => element.focus())
    fireEvent.keyDown(element, { key: 'Enter', code: 'Enter' })
    expect(document.activeElement).toBe(canvas)
    expect(consoleRoot(container)?.getAttribute('data-keyboard')).toBe('captured')
    expect(screen.getByRole('button', { name: 'Release keyboard (Ctrl+Alt+Shift)' })).toBeTruthy()

    fireEvent.keyDown(canvas, { key: 'Control', code: 'ControlLeft', ctrlKey: true })
    fireEvent.keyDown(canvas, { key: 'Alt', code: 'AltLeft', ctrlKey: true, altKey: true })
    fireEvent.keyDown(canvas, {
      key: 'Shift',
      code: 'ShiftLeft',
      ctrlKey: true,
      altKey: true,
      shiftKey: true,
    })
    expect(document.activeElement).toBe(element)
    expect(consoleRoot(container)?.getAttribute('data-keyboard')).toBe('released')
    // Ctrl and Alt went down at the VM and came back up; Shift never reached it.
    expect(await receivedKeys(session, 4)).toEqual([
      KEYSYM.ctrl,
      KEYSYM.alt,
      -KEYSYM.ctrl,
      -KEYSYM.alt,
    ])
    // Not trapped: Tab now leaves the console like any element.
    fireEvent.keyDown(element, { key: 'Tab', code: 'Tab' })
    await new Promise((r) => setTimeout(r, 100))
    expect(session.keys).toHaveLength(4)
  })

  it('captures and releases from the toolbar button', async () => {
    const user = createUser()
    const vm = await serve()
    const { container } = render(<ConsoleViewer url={vm.issue()} toolbar />)
    await waitForState(container, 'connected')
    const canvas = consoleElement().querySelector('canvas')!
    const button = screen.getByRole('button', { name: 'Capture keyboard' })
    expect(button.getAttribute('aria-pressed')).toBe('false')
    await user.click(button)
    expect(document.activeElement).toBe(canvas)
    expect(button.getAttribute('aria-pressed')).toBe('true')
    await user.click(screen.getByRole('button', { name: 'Release keyboard (Ctrl+Alt+Shift)' }))
    expect(document.activeElement).toBe(consoleElement())
  })

  it('moves between toolbar controls with the arrow keys', async () => {
    const user = createUser()
    const vm = await serve()
    const { container } = render(<ConsoleViewer url={vm.issue()} toolbar />)
    await waitForState(container, 'connected')
    screen.getByRole('button', { name: 'Capture keyboard' }).focus()
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Send keys' }))
    await user.keyboard('{ArrowLeft}{ArrowLeft}')
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Disconnect' }))
  })
})

describe('Accessibility and languages', () => {
  it('has no axe violations (names, roles, labels) connected, with each menu and panel open', async () => {
    const user = createUser()
    const vm = await serve({ xvp: true })
    const { container } = render(<ConsoleViewer url={vm.issue()} toolbar overlay />)
    await waitForState(container, 'connected')
    await screen.findByRole('button', { name: 'Power' })
    await expectNoAxeViolations(container)
    for (const name of ['Send keys', 'Type text', 'Clipboard', 'Display', 'Power']) {
      await user.click(screen.getByRole('button', { name }))
      await expectNoAxeViolations(container)
      await user.keyboard('{Escape}')
    }
  })

  it('renders in Chinese, with any string overridable', async () => {
    const vm = await serve({ desktopName: 'db-01' })
    const { container } = render(
      <ConsoleViewer
        url={vm.issue()}
        toolbar
        overlay
        locale="zh-CN"
        labels={{ screenshot: '截屏并下载' }}
      />,
    )
    await waitForState(container, 'connected')
    expect(screen.getByRole('toolbar', { name: '控制台工具栏' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '发送按键' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '截屏并下载' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '捕获键盘' })).toBeTruthy()
    expect(announcer(container)).toBe('已连接到 db-01')
    expect(consoleElement().getAttribute('aria-label')).toBe('虚拟机控制台：db-01')
    await expectNoAxeViolations(container)
  })

  it('shows errors in Chinese', async () => {
    const getUrl = async () => {
      throw new ConsoleError({ kind: 'forbidden', provider: 'cloudtower', message: 'x' })
    }
    const { container } = render(<ConsoleViewer getUrl={getUrl} overlay locale="zh-CN" />)
    await waitForState(container, 'error')
    expect(screen.getByRole('alert').textContent).toBe(
      '您的 CloudTower 账号无权打开此控制台，请联系管理员。',
    )
  })

  it('passes className, style and data-theme through; stays bare without toolbar and overlay', async () => {
    const vm = await serve()
    const { container } = render(
      <ConsoleViewer url={vm.issue()} className="vm" style={{ height: 300 }} theme="dark" />,
    )
    await waitForState(container, 'connected')
    const root = consoleRoot(container)!
    expect(root.className).toBe('vm')
    expect(root.style.height).toBe('300px')
    expect(root.getAttribute('data-theme')).toBe('dark')
    expect(
      container.querySelector('[role="toolbar"], [data-rvc-overlay], [role="status"]'),
    ).toBeNull()
    await expectNoAxeViolations(container)
  })
})
