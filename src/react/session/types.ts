// Shapes of a console session. Types only; the classes beside them use them.
import type { ConsoleStatus } from '../../core/connection/types.js'
import type { ConsoleViewerProps } from '../types.js'
import type { ConsoleViewSettings } from '../types.js'
import type { EarlyUrlFetch } from '../urls/EarlyUrlFetch.js'
import type { EarlySocket } from '../urls/EarlySocket.js'
import type { StickyModifier } from '../types.js'
import type { PasteRequest } from '../types.js'
import type { KeyboardLayout } from '../../keys/KeyboardLayout.js'

/** What the viewer renders: the status, and which react-vnc screen (one per attempt) is mounted. */
export interface SessionView {
  status: ConsoleStatus
  screen: { key: number; url: string } | null
  /** The display settings in effect: props, then what the user chose in the toolbar. */
  settings: ConsoleViewSettings
  /** The last text the server put on its clipboard. */
  clipboardText: string | undefined
  /** The canvas has the keyboard focus: keys go to the VM. */
  captured: boolean
  sticky: readonly StickyModifier[]
  /** Progress of `typeText`, null when not typing. */
  typing: { done: number; total: number } | null
  /** What the server asked for when `credentialsRequired` (e.g. ['password']). */
  credentialTypes: readonly string[]
  /** The user opened the console in another window and this one closed. */
  poppedOut: boolean
  /** The guest layout in effect: the user's remembered choice, else the props'. */
  guestLayout: KeyboardLayout
  /** A paste "Type text" should show (untypeable characters, refused clipboard). */
  pasteRequest: PasteRequest | null
  /** Paste also fills the server's clipboard, where it has one. */
  alsoServerClipboard: boolean
  /** The input-method hint is showing (once per viewer). */
  imeHint: boolean
}

/**
 * The viewer's props, the loading shell's early first fetch if it started one, and how the shell
 * opens a socket (its code ships with the package entry).
 */
export type SessionProps = ConsoleViewerProps & {
  earlyUrl?: { current?: EarlyUrlFetch }
  openSocket?: (url: string) => EarlySocket
}

/** What react-vnc hands its event props: noVNC's event, of which only `detail` is read. */
export type RfbEvent = { detail?: Record<string, unknown> }
