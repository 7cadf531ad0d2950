type Intent = 'previous' | 'next' | 'first' | 'last'

// Key → intent, per orientation (Radix's roving-focus map): a toolbar moves with Left/Right, a
// menu with Up/Down and, as menus in a horizontal toolbar do, Left/Right too.
const INTENTS: Record<'horizontal' | 'both', Partial<Record<string, Intent>>> = {
  horizontal: { ArrowLeft: 'previous', ArrowRight: 'next', Home: 'first', End: 'last' },
  both: {
    ArrowUp: 'previous',
    ArrowLeft: 'previous',
    ArrowDown: 'next',
    ArrowRight: 'next',
    Home: 'first',
    End: 'last',
  },
}

/**
 * Where a roving-focus key moves from `current` among `items` (wrapping at the ends), or
 * undefined when the key is not one of them or `current` is not an item. The toolbar and the
 * menus share it, so they move alike.
 */
export function rovingFocusTarget<T>(
  key: string,
  orientation: 'horizontal' | 'both',
  items: readonly T[],
  current: T,
): T | undefined {
  const intent = INTENTS[orientation][key]
  const index = items.indexOf(current)
  if (!intent || items.length === 0) return undefined
  if (intent === 'first') return items[0]
  if (intent === 'last') return items.at(-1)
  if (index < 0) return undefined
  return items[(index + (intent === 'next' ? 1 : -1) + items.length) % items.length]
}
