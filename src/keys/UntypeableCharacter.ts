/** A character the guest layout has no key for: `index` counts code points, after CRLF → LF. */
export interface UntypeableCharacter {
  char: string
  index: number
}
