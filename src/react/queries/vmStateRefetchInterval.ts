import type { VmStateInfo } from '../../core/power/VmStateInfo.js'

/**
 * How often a state query refetches by itself: every 2 s while the VM is on its way to another
 * state (`starting`, `stopping`, `restarting`), so the answer settles without a click; never else.
 */
export function vmStateRefetchInterval(query: {
  state: { data: VmStateInfo | undefined }
}): number | false {
  const state = query.state.data?.state
  return state === 'starting' || state === 'stopping' || state === 'restarting' ? 2_000 : false
}
