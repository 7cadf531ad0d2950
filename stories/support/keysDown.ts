import type { MockRfbKey } from './mockRfb.js'

/** The keysyms pressed (down events only) since `from`. */
export function keysDown(keys: readonly MockRfbKey[], from: number): number[] {
  return keys
    .slice(from)
    .filter((key) => key.down)
    .map((key) => key.keysym)
}
