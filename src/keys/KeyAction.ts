/** One key event to send: press (`down`) or release of an X11 keysym on the physical key `code`. */
export interface KeyAction {
  keysym: number
  code: string
  down: boolean
}
