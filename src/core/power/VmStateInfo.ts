import type { VmState } from './VmState.js'

/** A VM's state as the state fetchers answer it. */
export interface VmStateInfo {
  state: VmState
  /** The cloud's own words, for logs and tooltips: `STOPPED`, `ACTIVE (powering-off)`. */
  cloudStatus: string
}
