/** Where a character sits on a layout: the physical key (DOM `code`) and the modifiers it needs. */
export interface LayoutKey {
  code: string
  shift: boolean
  altGr: boolean
  /** The X11 keysym the key sends at this level (what noVNC sends for the character). */
  keysym: number
  /** Set when the key is a dead key on this layout: the dead keysym it sends (e.g. dead_circumflex). */
  dead?: number
}
