const keys = (prefix: string, names: string) => [...names].map((n) => prefix + n)

/**
 * The keys a layout table describes, by DOM `code`, in the order generated tables list them
 * (scripts/generateKeyboardLayouts.ts): the alphanumeric block of a PC keyboard, with the ISO
 * key left of Z and the two extra keys of a Japanese keyboard.
 */
export const layoutKeyCodes: readonly string[] = [
  'Backquote',
  ...keys('Digit', '1234567890'),
  'Minus',
  'Equal',
  'IntlYen',
  ...keys('Key', 'QWERTYUIOP'),
  'BracketLeft',
  'BracketRight',
  ...keys('Key', 'ASDFGHJKL'),
  'Semicolon',
  'Quote',
  'Backslash',
  'IntlBackslash',
  ...keys('Key', 'ZXCVBNM'),
  'Comma',
  'Period',
  'Slash',
  'IntlRo',
  'Space',
]
