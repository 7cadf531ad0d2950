import { lazyPart } from '../lazyPart.js'
import type { ConsoleClipboardPanelProps } from '../toolbar/ConsoleClipboardPanel.js'

/**
 * The VM's clipboard both ways: what the VM last copied (ServerCutText), with a Copy button for
 * this computer's clipboard, and a box whose text is put on the VM's clipboard (ClientCutText).
 */
export const ConsoleClipboardPanel = lazyPart<ConsoleClipboardPanelProps>('ConsoleClipboardPanel')
