/**
 * The root element of the first console in `container` (it carries `data-state`), or null. While
 * the viewer's code loads lazily this is its loading shell; `{ loaded: true }` skips the shell.
 * Framework-free, so stories (Storybook's own `waitFor`) and tests (Vitest's) can both wait on it.
 */
export function consoleRoot(
  container: ParentNode,
  options: { loaded?: boolean } = {},
): HTMLElement | null {
  return container.querySelector<HTMLElement>(
    options.loaded ? '[data-rvc-console]:not([data-loading])' : '[data-rvc-console]',
  )
}
