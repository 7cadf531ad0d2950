/** Keyboard layouts of the guest that text can be typed for (see `textToKeystrokes`). */
export type KeyboardLayout = 'en-US' | 'de-DE' | 'fr-FR'
