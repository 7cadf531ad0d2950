/**
 * A key press or release however it arrived (KeyEvent or QEMU Extended Key Event), so tests can
 * assert on keys without caring which message type the client chose.
 */
export interface RfbKey {
  down: boolean
  keysym: number
  /** Only QEMU key events carry a scancode (XT set 1, 0xe0-prefixed keys as code | 0x80). */
  scancode?: number
  via: 'key' | 'qemuKey'
}
