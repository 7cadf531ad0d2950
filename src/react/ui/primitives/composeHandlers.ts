/**
 * The consumer's handler first, then ours unless the consumer called `preventDefault()` (the Radix
 * convention), so an app can add to or replace what a part does.
 */
export function composeHandlers<E extends { defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event)
    if (!event.defaultPrevented) ours(event)
  }
}
