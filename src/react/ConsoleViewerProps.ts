import type { ComponentPropsWithoutRef, ReactNode, Ref } from 'react'
import type { ConsoleError } from '../core/ConsoleError.js'
import type { ReconnectPolicy } from '../core/connection/reconnectDelay.js'
import type { ConsoleChromeProps } from './ConsoleChromeProps.js'
import type { ConsoleStatus } from '../core/connection/types.js'
import type { ConsoleViewerHandle } from './ConsoleViewerHandle.js'
import type { VncCredentials } from './VncCredentials.js'

/** Display settings that change live on a running session, without reconnecting. */
export interface ConsoleViewProps {
  /** Send no keyboard or mouse input. Default false. */
  viewOnly?: boolean
  /** Scale the remote screen to fit the element. Default true. */
  scaleViewport?: boolean
  /** Ask the server to resize its screen to the element. Default false. */
  resizeSession?: boolean
  /** Clip instead of scaling when the remote screen is larger. Default false. */
  clipViewport?: boolean
  /** JPEG quality 0–9. Default 6. */
  qualityLevel?: number
  /** Compression 0–9. Default 2. */
  compressionLevel?: number
  /** Show a dot when the server hides the cursor. Default false. */
  showDotCursor?: boolean
  /** CSS background around the remote screen. */
  background?: string
  /** Take the keyboard when the screen is clicked. Default true. */
  focusOnClick?: boolean
}

export interface ConsoleViewerCallbacks {
  /** Called with the new status whenever any part of it changes (state, attempt, error, name…). */
  onStateChange?: (status: ConsoleStatus) => void
  onConnect?: () => void
  /** `byUser`: the app or the user closed it (no reconnect follows). */
  onDisconnect?: (detail: { clean: boolean; byUser: boolean }) => void
  onError?: (error: ConsoleError) => void
  /** Text the server put on its clipboard (ServerCutText). */
  onClipboard?: (text: string) => void
  onBell?: () => void
  onDesktopName?: (name: string) => void
  onCapabilities?: (capabilities: { power: boolean }) => void
  /** The server wants credentials that the `credentials` prop does not hold. */
  onCredentialsRequired?: (types: string[]) => void
}

export interface ConsoleViewerProps
  extends
    ConsoleViewProps,
    ConsoleViewerCallbacks,
    ConsoleChromeProps,
    Omit<ComponentPropsWithoutRef<'div'>, 'onError' | 'children'> {
  /** A ready `ws://` or `wss://` URL. Holds a one-time token? Use `getUrl` so reconnects get a new one. */
  url?: string
  /** Called for EVERY connection attempt, first or reconnect, to get a fresh URL. Keep it stable (useCallback) or set `connectionKey`. */
  getUrl?: (signal: AbortSignal) => Promise<string>
  /** When set, a change of this value (not of `url`/`getUrl` identity) means a new target. */
  connectionKey?: string
  /** Sent when the server asks; without it the viewer reports `credentialsRequired`. */
  credentials?: VncCredentials
  /** Connect on mount. Default true. */
  autoConnect?: boolean
  /** Reconnect after an unexpected drop. Default true (5 attempts, 1 s doubling to 30 s, ±20 %). */
  reconnect?: boolean | ReconnectPolicy
  /** Overlays and toolbars; they read the console through `useConsoleViewer()`. */
  children?: ReactNode
  ref?: Ref<ConsoleViewerHandle>
}
