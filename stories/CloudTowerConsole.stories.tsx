import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { CloudTowerConsole } from '../src/index.js'
import {
  cloudTowerVnc,
  newLog,
  SEED_PROXY_SOCKET,
  SEED_VNC,
  TOWER,
  TOWER_TOKEN,
  TOWER_VM,
} from './support/cloudHandlers.js'
import { mockRfb } from './support/mockRfb.js'
import { StatusPanel } from './support/StatusPanel.js'
import { composedConsoleMeta } from './support/composedConsoleMeta.js'
import { consoleRoot } from './support/consoleRoot.js'

const meta = {
  title: 'Components/CloudTowerConsole',
  component: CloudTowerConsole,
  args: {
    endpoint: TOWER,
    token: TOWER_TOKEN,
    vmId: TOWER_VM,
    mode: 'proxy',
    ...composedConsoleMeta.args,
  },
  argTypes: composedConsoleMeta.argTypes,
  parameters: {
    docs: {
      description: {
        component:
          'A SmartX CloudTower VM console: the GraphQL `vnc` query for every connection, the proxy or direct noVNC ' +
          'link, and the viewer. Here MSW answers `POST https://tower.example.com/api` as the CloudTower document ' +
          'does (errors: HTTP 200 with `errors[].code`), and the console socket is a mock RFB server.',
      },
    },
  },
} satisfies Meta<typeof CloudTowerConsole>

export default meta
type Story = StoryObj<typeof meta>

const proxyLog = newLog()
const proxyVm = mockRfb(SEED_PROXY_SOCKET, { desktopName: 'ubuntu-24.04-web' })
export const Proxy: Story = {
  parameters: { msw: [cloudTowerVnc({ log: proxyLog }), proxyVm.handler] },
  play: async ({ canvasElement }) => {
    const root = await consoleRoot(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'connected'))
    // The request is the seed's curl: raw token (no Bearer), content-language, the vnc query.
    expect(proxyLog.headers.at(-1)).toMatchObject({
      authorization: TOWER_TOKEN,
      'content-language': 'en-US',
      'content-type': expect.stringContaining('application/json'),
    })
    expect(proxyLog.bodies.at(-1)).toMatchObject({
      operationName: 'vnc',
      variables: { input: { vm: { id: TOWER_VM } } },
      query: expect.stringContaining('vnc(input: $input)'),
    })
    // The proxy link with the base64 token escaped (…eXo%3D, not the seed's misprint).
    const url = new URL(proxyVm.record.urls.at(-1) ?? '')
    expect(url.origin + url.pathname).toBe('wss://tower.example.com/websockify/')
    expect(url.search).toContain(`token=${encodeURIComponent(SEED_VNC.token)}`)
    expect(url.search).toContain('eXo%3D')
    expect(url.searchParams.get('host')).toBe(SEED_VNC.host_ip)
    expect(url.searchParams.get('uuid')).toBe(SEED_VNC.vm_uuid)
  },
}

function errorStory(
  kind: string,
  code: string,
  handler: ReturnType<typeof cloudTowerVnc>,
  extra: Partial<Story> = {},
): Story {
  return {
    ...extra,
    parameters: { msw: [handler] },
    play: async ({ canvasElement }) => {
      const root = await consoleRoot(canvasElement)
      await waitFor(() => expect(root).toHaveAttribute('data-state', 'error'))
      expect(root).toHaveAttribute('data-error-kind', kind)
      expect(canvasElement.querySelector('[data-testid="error"]')).toHaveTextContent(code)
    },
  }
}

export const LoadTokenFailed = errorStory('unauthorized', 'LOAD_TOKEN_FAILED', cloudTowerVnc(), {
  args: { token: 'Bearer expired-token' },
})
export const PermissionDenied = errorStory(
  'unauthorized',
  'PERMISSION_DENIED',
  cloudTowerVnc({ error: 'PERMISSION_DENIED' }),
)
export const VmNotFound = errorStory(
  'not_found',
  'VM_NOT_FOUND',
  cloudTowerVnc({ error: 'VM_NOT_FOUND' }),
)
export const TooManyRequests = errorStory(
  'rate_limited',
  'TOO_MANY_REQUESTS',
  cloudTowerVnc({ error: 'TOO_MANY_REQUESTS', status: 429 }),
)
export const ServerError = errorStory(
  'server',
  '500',
  cloudTowerVnc({ error: 'INTERNAL_SERVER_ERROR', status: 500 }),
)

const slowLog = newLog()
export const FetchingCredentials: Story = {
  parameters: { msw: [cloudTowerVnc({ latencyMs: 60_000, log: slowLog })] },
  play: async ({ canvasElement }) => {
    const root = await consoleRoot(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'fetching'))
  },
}

const zhLog = newLog()
/**
 * `language="zh-CN"`: CloudTower answers in Chinese. `locale="zh-CN"` and `theme="dark"` switch
 * the built-in toolbar and overlay (the Theme toolbar global does the page around it).
 */
export const ChineseDark: Story = {
  name: 'zh-CN, dark',
  globals: { theme: 'dark' },
  args: {
    language: 'zh-CN',
    locale: 'zh-CN',
    theme: 'dark',
    children: <StatusPanel locale="zh-CN" />,
  },
  parameters: { msw: [cloudTowerVnc({ error: 'PERMISSION_DENIED', log: zhLog })] },
  play: async ({ canvasElement }) => {
    const root = await consoleRoot(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'error'))
    expect(zhLog.headers.at(-1)).toMatchObject({ 'content-language': 'zh-CN' })
    expect(root).toHaveAttribute('data-theme', 'dark')
    // The library's own strings, and CloudTower's Chinese message in the app's panel.
    expect(root).toHaveTextContent('控制台出错')
    const panel = canvasElement.querySelector('[data-testid="status-panel"]')
    expect(panel).toHaveTextContent('错误')
    expect(panel).toHaveTextContent('权限不足')
  },
}

/** The same console in light and English, for comparison. */
export const EnglishLight: Story = {
  name: 'en-US, light',
  globals: { theme: 'light' },
  args: { language: 'en-US', locale: 'en-US', theme: 'light' },
  parameters: { msw: [cloudTowerVnc({ error: 'PERMISSION_DENIED' })] },
  play: async ({ canvasElement }) => {
    const root = await consoleRoot(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'error'))
    expect(root).toHaveAttribute('data-theme', 'light')
    expect(root).not.toHaveTextContent('控制台出错')
  },
}
