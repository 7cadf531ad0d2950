/** The root element of the console a story rendered (it carries `data-state` and the rest). */
export function consoleRoot(canvasElement: HTMLElement): HTMLElement {
  const root = canvasElement.querySelector<HTMLElement>('[data-rvc-console]')
  if (!root) throw new Error('the story rendered no console')
  return root
}
