import { lazyPart } from '../lazyPart.js'
import type { ConsoleKeyboardButtonProps } from '../toolbar/ConsoleKeyboardButton.js'

/**
 * Captures the keyboard for the VM, or releases it (the same as Ctrl+Alt+Shift). Pressed
 * (`aria-pressed`) while captured. It keeps the focus where it is on mouse down, so a click can
 * release a captured keyboard.
 */
export const ConsoleKeyboardButton = lazyPart<ConsoleKeyboardButtonProps>('ConsoleKeyboardButton')
