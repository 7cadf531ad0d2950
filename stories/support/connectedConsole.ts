import { expect, waitFor } from 'storybook/test'
import { consoleRoot } from './consoleRoot.js'

/** The viewer's root once its session is `connected` (the root, not a menu's `data-state`). */
export async function connectedConsole(canvasElement: HTMLElement): Promise<HTMLElement> {
  const root = await consoleRoot(canvasElement)
  await waitFor(() => expect(root).toHaveAttribute('data-state', 'connected'))
  return root
}
