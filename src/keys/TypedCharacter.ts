import type { KeyAction } from './KeyAction.js'

/** One character of a text and the key events that type it (empty: nothing to type). */
export interface TypedCharacter {
  char: string
  keys: KeyAction[]
}
