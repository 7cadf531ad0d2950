// `react-vm-console/keys`: key combinations and text as key events, for custom keyboards and
// automation. Kept off the package entry, which a dashboard loads on every page.
export { parseKeyCombo } from './parseKeyCombo.js'
export type { KeyStroke } from './KeyStroke.js'
export { textToKeystrokes } from './textToKeystrokes.js'
export type { TypedCharacter } from './textToKeystrokes.js'
export type { KeyAction } from './KeyAction.js'
export type { KeyboardLayout } from './KeyboardLayout.js'
export { defaultKeyCombos } from './defaultKeyCombos.js'
