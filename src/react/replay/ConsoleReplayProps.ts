import type { HTMLAttributes } from 'react'
import type { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { ConsoleLocale } from '../../i18n/ConsoleLocale.js'
import type { ConsoleReplayLabels } from '../../i18n/ConsoleReplayLabels.js'

/** A recording: its URL (fetched), or its bytes. */
export type ConsoleReplaySource = string | Blob | ArrayBuffer | Uint8Array

/** `<ConsoleReplay>`'s state, also on its root as `data-state`. */
export type ConsoleReplayState = 'loading' | 'playing' | 'paused' | 'ended' | 'error'

/** A playback speed the controls offer. */
export type ConsoleReplaySpeed = 1 | 2 | 4 | 8

export interface ConsoleReplayProps extends Omit<
  HTMLAttributes<HTMLDivElement>,
  'onError' | 'children'
> {
  /** The recording (`.rvcrec`, see README "Recording format"). A new value loads it afresh. */
  src: ConsoleReplaySource
  /** Start playing once loaded. Default true. */
  autoPlay?: boolean
  /** The speed it starts at. Default 1. */
  defaultSpeed?: ConsoleReplaySpeed
  /** Passed to `fetch` for a URL `src` (e.g. `{ credentials: 'include' }`). */
  fetchInit?: RequestInit
  /** `en-US` (default) or `zh-CN`; `zh-*` falls back to zh-CN. */
  locale?: ConsoleLocale | (string & {})
  /** Replaces any of the replay's strings (`react-vm-console/i18n`: enUSReplayLabels). */
  labels?: Partial<ConsoleReplayLabels>
  /** A recording that cannot be loaded or played. Also shown in the component (role=alert). */
  onError?: (error: ConsoleError) => void
  onStateChange?: (state: ConsoleReplayState) => void
}
