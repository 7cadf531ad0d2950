/**
 * A guest keyboard layout text can be typed for (see `planTyping`). The plain id is what the guest
 * OS offers by default (with dead keys where Windows and most Linux have them); `-nodeadkeys` is the
 * variant without, which is also what QEMU's own `de` and `fr` keymaps describe.
 */
export type KeyboardLayout =
  | 'en-US'
  | 'en-GB'
  | 'de-DE'
  | 'de-DE-nodeadkeys'
  | 'de-CH'
  | 'fr-FR'
  | 'fr-FR-nodeadkeys'
  | 'fr-BE'
  | 'fr-CH'
  | 'es-ES'
  | 'it-IT'
  | 'pt-BR'
  | 'pt-PT'
  | 'nl-NL'
  | 'sv-SE'
  | 'nb-NO'
  | 'da-DK'
  | 'fi-FI'
  | 'pl-PL'
  | 'cs-CZ'
  | 'hu-HU'
  | 'tr-TR'
  | 'ru-RU'
  | 'ja-JP'
