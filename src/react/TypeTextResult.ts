/** How far `typeText` got: all `total` characters, or `done` of them when stopped. */
export interface TypeTextResult {
  done: number
  total: number
  cancelled: boolean
}
