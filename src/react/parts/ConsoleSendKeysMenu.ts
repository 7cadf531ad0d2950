import { lazyPart } from '../lazyPart.js'
import type { ConsoleSendKeysMenuProps } from '../toolbar/ConsoleSendKeysMenu.js'

/**
 * A menu of key combinations the browser would not pass on (Ctrl+Alt+Del, Ctrl+Alt+F1…F12,
 * Alt+Tab, …). Each is pressed in order and released in reverse, with any sticky modifiers held;
 * the focus then returns to the console.
 */
export const ConsoleSendKeysMenu = lazyPart<ConsoleSendKeysMenuProps>('ConsoleSendKeysMenu')
