/** What the default "Send keys" menu offers, in order (any `parseKeyCombo` name works). */
export const defaultKeyCombos: readonly string[] = [
  'Ctrl+Alt+Delete',
  'Ctrl+Alt+Backspace',
  ...Array.from({ length: 12 }, (_, i) => `Ctrl+Alt+F${i + 1}`),
  'Alt+Tab',
  'Alt+F4',
  'Escape',
  'Tab',
  'PrintScreen',
  'Super',
]
