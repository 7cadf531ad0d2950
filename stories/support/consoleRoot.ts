import { waitFor } from 'storybook/test'

/**
 * The root element of the console a story rendered (it carries `data-state` and the rest). The
 * viewer's code loads lazily and its root replaces the loading shell, so this waits for it.
 */
export async function consoleRoot(canvasElement: HTMLElement): Promise<HTMLElement> {
  const loaded = () =>
    canvasElement.querySelector<HTMLElement>('[data-rvc-console]:not([data-loading])')
  await waitFor(() => {
    if (!loaded()) throw new Error('the story rendered no console')
  })
  return loaded() as HTMLElement
}
