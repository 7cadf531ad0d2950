import { StatusPanel } from './StatusPanel.js'
import { VIEWER_STYLE } from './viewerFrame.js'

/**
 * What the composed consoles' stories (CloudTower, ECS) share: no reconnects (a story shows one
 * state), the framed size, the status panel, and no controls for values a story cannot edit.
 */
export const composedConsoleMeta = {
  args: { reconnect: false as const, style: VIEWER_STYLE, children: <StatusPanel /> },
  argTypes: {
    children: { control: false },
    style: { control: false },
    queryClient: { control: false },
    fetch: { control: false },
  },
} as const
