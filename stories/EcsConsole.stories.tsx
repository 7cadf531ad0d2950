import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { EcsConsole } from '../src/index.js'
import {
  ECS,
  ECS_CONSOLE_TOKEN,
  ECS_PROJECT,
  ECS_PROXY,
  ECS_SERVER,
  ECS_TOKEN,
  ecsRemoteConsole,
  newLog,
} from './support/cloudHandlers.js'
import { mockRfb } from './support/mockRfb.js'
import { composedConsoleMeta } from './support/composedConsoleMeta.js'
import { consoleRoot } from './support/consoleRoot.js'

const meta = {
  title: 'Components/EcsConsole',
  component: EcsConsole,
  args: {
    endpoint: ECS,
    projectId: ECS_PROJECT,
    serverId: ECS_SERVER,
    authToken: ECS_TOKEN,
    ...composedConsoleMeta.args,
  },
  argTypes: composedConsoleMeta.argTypes,
  parameters: {
    docs: {
      description: {
        component:
          'A Huawei Cloud ECS console: `POST /v1/{project_id}/cloudservers/{server_id}/remote_console` for every ' +
          'connection, the websocket behind its `vnc_auto.html` page, and the viewer. MSW answers as the ECS ' +
          'document does, with both Huawei error shapes; the console socket is a mock RFB server.',
      },
    },
  },
} satisfies Meta<typeof EcsConsole>

export default meta
type Story = StoryObj<typeof meta>

const log = newLog()
const novnc = mockRfb(`${ECS_PROXY.replace('https:', 'wss:')}/websockify`, {
  desktopName: 'ecs-web-01',
})
export const Connected: Story = {
  parameters: { msw: [ecsRemoteConsole({ log }), novnc.handler] },
  play: async ({ canvasElement }) => {
    const root = await consoleRoot(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'connected'))
    expect(log.headers.at(-1)).toMatchObject({ 'x-auth-token': ECS_TOKEN })
    expect(log.bodies.at(-1)).toEqual({ remote_console: { protocol: 'vnc', type: 'novnc' } })
    // The page URL's token moves onto the proxy's websocket (wss: because the page is https:).
    expect(novnc.record.urls.at(-1)).toBe(
      `wss://nova-novncproxy.az1.dc1.domainname.com:8002/websockify?token=${ECS_CONSOLE_TOKEN}`,
    )
  },
}

function errorStory(
  kind: string,
  code: string,
  handler: ReturnType<typeof ecsRemoteConsole>,
): Story {
  return {
    parameters: { msw: [handler] },
    play: async ({ canvasElement }) => {
      const root = await consoleRoot(canvasElement)
      await waitFor(() => expect(root).toHaveAttribute('data-state', 'error'))
      expect(root).toHaveAttribute('data-error-kind', kind)
      expect(canvasElement.querySelector('[data-testid="error"]')).toHaveTextContent(code)
    },
  }
}

/** `{"error":{"code","message"}}` — the ECS service's shape. */
export const ServerNotFound = errorStory(
  'not_found',
  'Ecs.0114',
  ecsRemoteConsole({ error: { shape: 'ecs', status: 404, code: 'Ecs.0114' } }),
)
export const ServerDeleted = errorStory(
  'not_found',
  'Ecs.0614',
  ecsRemoteConsole({ error: { shape: 'ecs', status: 404, code: 'Ecs.0614' } }),
)
export const Forbidden = errorStory(
  'forbidden',
  'Ecs.0003',
  ecsRemoteConsole({ error: { shape: 'ecs', status: 403, code: 'Ecs.0003' } }),
)
/** `{"error_code","error_msg"}` — the API gateway's shape. */
export const Unauthorized = errorStory(
  'unauthorized',
  'APIGW.0301',
  ecsRemoteConsole({ error: { shape: 'apigw', status: 401, code: 'APIGW.0301' } }),
)
export const WrongEndpoint = errorStory(
  'not_found',
  'APIGW.0101',
  ecsRemoteConsole({ error: { shape: 'apigw', status: 404, code: 'APIGW.0101' } }),
)
export const Throttled = errorStory(
  'rate_limited',
  'APIGW.0308',
  ecsRemoteConsole({ error: { shape: 'apigw', status: 429, code: 'APIGW.0308' } }),
)
