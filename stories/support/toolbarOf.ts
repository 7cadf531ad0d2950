import { within } from 'storybook/test'

/** Queries scoped to the console's toolbar, which every toolbar-part story renders. */
export function toolbarOf(canvasElement: HTMLElement) {
  return within(within(canvasElement).getByRole('toolbar', { name: 'Console controls' }))
}
