import type { Meta, StoryObj } from '@storybook/react-vite'
import { http, HttpResponse } from 'msw'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { GatewayConsole } from '../src/index.js'
import { consoleRoot } from './support/consoleRoot.js'
import { mockRfb } from './support/mockRfb.js'
import { VIEWER_STYLE } from './support/viewerFrame.js'

const GATEWAY = 'https://portal.example.test/consoles'
const vm = mockRfb('wss://portal.example.test/consoles', { desktopName: 'web-01' })
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

/** A `react-vm-console/server` gateway in the browser: the console answer, /state and /presence. */
function gateway(mode: 'control' | 'observe', viewers: unknown[]) {
  return [
    http.post(GATEWAY, () =>
      HttpResponse.json({ url: '/consoles?ticket=story', expiresInMs: 30_000, actions: [], mode }),
    ),
    http.post(`${GATEWAY}/state`, () =>
      HttpResponse.json({ state: { state: 'running', cloudStatus: 'RUNNING' }, actions: [] }),
    ),
    http.post(`${GATEWAY}/presence`, () => HttpResponse.json({ viewers })),
    vm.handler,
  ]
}
const OTHERS = [
  { user: 'alice', mode: 'control', since: minutesAgo(12) },
  { user: 'bob', mode: 'observe', since: minutesAgo(3) },
]

/**
 * `<GatewayConsole>` with others on the same VM: "Also on this console: alice, bob" in the
 * toolbar opens the list (the gateway's `POST {path}/presence`, asked every second while
 * connected). A console the gateway granted in `observe` mode is view only and says so.
 */
const meta = {
  title: 'Components/GatewayConsole presence',
  component: GatewayConsole,
  args: {
    gateway: GATEWAY,
    provider: 'cloudtower',
    vmId: 'vm-web-01',
    reconnect: false,
    style: { ...VIEWER_STYLE, height: 440 },
  },
  argTypes: { style: { control: false } },
  parameters: { msw: gateway('control', OTHERS) },
} satisfies Meta<typeof GatewayConsole>

export default meta
type Story = StoryObj<typeof meta>

export const AlsoOnThisConsole: Story = {
  name: 'Also on this console',
  play: async ({ canvasElement }) => {
    const root = await consoleRoot(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'connected'), {
      timeout: 10_000,
    })
    const toolbar = within(canvasElement).getByRole('toolbar', { name: 'Console controls' })
    const button = await within(toolbar).findByRole(
      'button',
      { name: 'Also on this console: alice, bob' },
      { timeout: 5_000 },
    )
    await userEvent.click(button)
    const list = within(canvasElement).getByRole('dialog', {
      name: 'Also on this console: alice, bob',
    })
    const items = within(list).getAllByRole('listitem')
    expect(items.map((item) => item.firstChild?.textContent)).toEqual(['alice', 'bob (observing)'])
    await userEvent.keyboard('{Escape}')
    expect(within(canvasElement).queryByRole('dialog')).toBeNull()
    expect(button).toHaveFocus()
    expect(root).not.toHaveAttribute('data-view-only')
  },
}

export const AlsoOnThisConsoleChinese: Story = {
  name: 'Also on this console (zh-CN)',
  args: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole(
      'button',
      { name: '同时在此控制台：alice、bob' },
      { timeout: 10_000 },
    )
  },
}

export const Observing: Story = {
  name: 'Observing: view only',
  parameters: { msw: gateway('observe', OTHERS.slice(0, 1)) },
  play: async ({ canvasElement }) => {
    const root = await consoleRoot(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'connected'), {
      timeout: 10_000,
    })
    await waitFor(() => expect(root).toHaveAttribute('data-view-only'))
    const toolbar = within(canvasElement).getByRole('toolbar', { name: 'Console controls' })
    expect(within(toolbar).getByRole('note')).toHaveTextContent('Observing: view only')
    expect(within(toolbar).getByRole('button', { name: 'Send keys' })).toBeDisabled()
    await within(toolbar).findByRole(
      'button',
      { name: 'Also on this console: alice' },
      { timeout: 5_000 },
    )
  },
}

export const ObservingChinese: Story = {
  name: 'Observing: view only (zh-CN)',
  args: { locale: 'zh-CN' },
  parameters: { msw: gateway('observe', []) },
  play: async ({ canvasElement }) => {
    const root = await consoleRoot(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-view-only'), { timeout: 10_000 })
    expect(within(canvasElement).getByRole('note')).toHaveTextContent('观察模式：仅查看')
    // Alone: no presence indicator.
    expect(canvasElement.querySelector('[data-rvc-presence]')).toBeNull()
  },
}
