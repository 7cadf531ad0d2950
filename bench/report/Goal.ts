/** A goal the library sets itself, with what was measured; a missed one is reported, not failed. */
export interface Goal {
  name: string
  goal: string
  measured: string
  met: boolean
}
