import type { KeyboardLayout } from '../core/KeyboardLayout.js'

export interface TypeTextOptions {
  /** The guest's keyboard layout, for characters that need Shift or AltGr. Default 'en-US'. */
  layout?: KeyboardLayout
  /** Pause after each character, so slow guests (BIOS, serial-over-VNC) drop nothing. Default 20 ms. */
  delayMs?: number
}
