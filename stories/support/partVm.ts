import { mockRfb, type MockRfbOptions } from './mockRfb.js'

const BASE = 'ws://vnc.mock.test/websockify/parts'

/**
 * One mock VM for a toolbar-part story (its own record, so stories never read each other's keys),
 * named `parts-<name>` as the split-up ToolbarParts stories always were.
 */
export function partVm(name: string, options: MockRfbOptions = {}) {
  const mock = mockRfb(`${BASE}/${name}`, { desktopName: `parts-${name}`, ...options })
  return { ...mock, url: `${BASE}/${name}?token=abc`, desktopName: `parts-${name}` }
}
