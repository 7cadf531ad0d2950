// `react-vm-console/keys`: key combinations and text as key events, for custom keyboards and
// automation. Kept off the package entry, which a dashboard loads on every page.
export { parseKeyCombo } from '../core/parseKeyCombo.js'
export type { KeyStroke } from '../core/KeyStroke.js'
export { textToKeystrokes } from '../core/textToKeystrokes.js'
export type { TypedCharacter } from '../core/textToKeystrokes.js'
export type { KeyAction } from '../core/KeyAction.js'
export type { KeyboardLayout } from '../core/KeyboardLayout.js'
export { defaultKeyCombos } from '../react/toolbar/defaultKeyCombos.js'
