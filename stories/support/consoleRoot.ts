import { waitFor } from 'storybook/test'
import { consoleRoot as findConsoleRoot } from '../../test/support/console/consoleRoot.js'

/**
 * The root element of the console a story rendered (it carries `data-state` and the rest). The
 * viewer's code loads lazily and its root replaces the loading shell, so this waits for it, with
 * Storybook's `waitFor` (the tests' loadedConsole waits with Vitest's, which Storybook lacks).
 */
export async function consoleRoot(canvasElement: HTMLElement): Promise<HTMLElement> {
  const loaded = () => findConsoleRoot(canvasElement, { loaded: true })
  await waitFor(() => {
    if (!loaded()) throw new Error('the story rendered no console')
  })
  return loaded() as HTMLElement
}
