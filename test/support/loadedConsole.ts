import { expect } from 'vitest'

/**
 * The root element of the console rendered in `container`, once its lazily loaded code has
 * replaced the loading shell (the root with `data-loading`).
 */
export async function loadedConsole(container: HTMLElement): Promise<HTMLElement> {
  const root = () => container.querySelector<HTMLElement>('[data-rvc-console]:not([data-loading])')
  await expect.poll(root, { timeout: 10_000 }).toBeTruthy()
  return root() as HTMLElement
}
