import type { KeyboardLayout } from './KeyboardLayout.js'
import type { KeyboardLayoutTable } from './KeyboardLayoutTable.js'
import { decodeKeyboardLayout } from './decodeKeyboardLayout.js'
import enUS from './layouts/en-US.js'

/** Layouts loaded so far (en-US always), for callers that need a table synchronously. */
export const loadedKeyboardLayouts = new Map<KeyboardLayout, KeyboardLayoutTable>([
  ['en-US', decodeKeyboardLayout(enUS)],
])
