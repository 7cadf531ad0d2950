/** A console root's `data-state`, or '' when there is no root (yet). */
export const stateOf = (root: Element | null): string => root?.getAttribute('data-state') ?? ''
