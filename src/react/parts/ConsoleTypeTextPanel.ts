import { lazyPart } from '../lazyPart.js'
import type { ConsoleTypeTextPanelProps } from '../toolbar/ConsoleTypeTextPanel.js'

/**
 * "Paste as keystrokes": a panel whose text is typed into the VM key by key, for consoles with no
 * clipboard (BIOS, installers, login prompts, a Linux tty). The layout decides which keys (with
 * Shift or AltGr) type each character; the pace keeps slow guests from dropping keys; a long text
 * can be stopped midway.
 */
export const ConsoleTypeTextPanel = lazyPart<ConsoleTypeTextPanelProps>('ConsoleTypeTextPanel')
