import type { TypedCharacter } from './TypedCharacter.js'
import type { UntypeableCharacter } from './UntypeableCharacter.js'

/** What typing a text will send (`planTyping`): each character's keys, and what cannot be typed. */
export interface TypingPlan {
  /** One entry per character (code point, CRLF counted once); untypeable ones have no keys. */
  characters: TypedCharacter[]
  untypeable: UntypeableCharacter[]
}
