/** `items` rotated by `by`, so interleaved variants take turns at going first. */
export const rotate = <T>(items: readonly T[], by: number): T[] =>
  items.map((_, i) => items[(((i + by) % items.length) + items.length) % items.length] as T)
