import { expect } from 'vitest'
import { consoleRoot } from './consoleRoot.js'

/** The console's root in `container` once its lazily loaded code has replaced the loading shell. */
export async function loadedConsole(container: HTMLElement): Promise<HTMLElement> {
  const root = () => consoleRoot(container, { loaded: true })
  await expect.poll(root, { timeout: 10_000 }).toBeTruthy()
  return root() as HTMLElement
}
