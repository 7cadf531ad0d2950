import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import type { DemoConfig } from '../demo/fakeCloudPlugin.js'
import { CloudTowerConsole, EcsConsole } from '../src/index.js'
import { canvasText, consoleCanvas } from '../test/support/canvasText.js'
import { consoleRoot } from './support/consoleRoot.js'
import { StatusPanel } from './support/StatusPanel.js'
import { VIEWER_STYLE } from './support/viewerFrame.js'

/**
 * Real sockets: `storybook dev` (and the Vitest story tests) run the fake CloudTower + ECS with a
 * built-in VNC server per VM, same-origin under /tower, /ecs and /__fake. A static build has no
 * server, so these stories then say so instead.
 */
async function loadDemoConfig(): Promise<{ demo: DemoConfig | null }> {
  try {
    const response = await fetch('/__demo/config')
    const type = response.headers.get('content-type') ?? ''
    if (!response.ok || !type.includes('json')) return { demo: null }
    return { demo: (await response.json()) as DemoConfig }
  } catch {
    return { demo: null }
  }
}

function NoFakeCloud() {
  return (
    <p role="note">
      The live stories need the fake cloud, which runs inside <code>npm run storybook</code> (not in
      a static build).
    </p>
  )
}

const meta = {
  title: 'Live/Fake cloud',
  loaders: [loadDemoConfig],
  parameters: {
    docs: {
      description: {
        component:
          'Consoles against the local fake CloudTower + ECS (fake-cloud/), through real websockets and its one-time ' +
          'relays to built-in VNC servers.',
      },
    },
  },
} satisfies Meta

export default meta
type Story = StoryObj<typeof meta>

async function expectLive(canvasElement: HTMLElement, desktopName: string) {
  const root = await consoleRoot(canvasElement)
  await waitFor(() => expect(root).toHaveAttribute('data-state', 'connected'))
  await waitFor(() =>
    expect(canvasElement.querySelector('[data-testid="status-panel"]')).toHaveTextContent(
      desktopName,
    ),
  )
  const canvas = consoleCanvas(root)
  if (!canvas) throw new Error('no canvas')
  // The built-in server's scene: title bar, clock, text box: many colours, not a blank screen.
  await waitFor(() => {
    const report = canvasText(canvas)
    expect(report.colours, `${report.width}x${report.height}`).toBeGreaterThan(2)
  })
}

export const CloudTower: Story = {
  render: (_args, { loaded }) => {
    const demo = (loaded as { demo: DemoConfig | null }).demo
    if (!demo) return <NoFakeCloud />
    const vm = demo.cloudTower.vms.find((v) => v.id === 'vm-ubuntu-01')
    return (
      <CloudTowerConsole
        endpoint={demo.cloudTower.endpoint}
        token={demo.cloudTower.token}
        vmId={vm?.id}
        style={VIEWER_STYLE}
      >
        <StatusPanel />
      </CloudTowerConsole>
    )
  },
  play: async ({ canvasElement }) => expectLive(canvasElement, 'ubuntu-24.04-web'),
}

export const Ecs: Story = {
  name: 'ECS',
  render: (_args, { loaded }) => {
    const demo = (loaded as { demo: DemoConfig | null }).demo
    if (!demo) return <NoFakeCloud />
    const server = demo.ecs.servers.find((s) => s.status === 'ACTIVE')
    return (
      <EcsConsole
        endpoint={demo.ecs.endpoint}
        projectId={demo.ecs.projectId}
        serverId={server?.id}
        authToken={demo.ecs.authToken}
        style={VIEWER_STYLE}
      >
        <StatusPanel />
      </EcsConsole>
    )
  },
  play: async ({ canvasElement }) => expectLive(canvasElement, 'ecs-web-01'),
}
