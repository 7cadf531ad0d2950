/** One key as noVNC sends it: an X11 keysym and a DOM `code` (for scancode-based servers such as QEMU). */
export interface KeyStroke {
  keysym: number
  code: string
}
