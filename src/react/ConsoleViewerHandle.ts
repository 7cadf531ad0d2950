import type { ConsoleState } from '../core/connection/types.js'
import type { VncCredentials } from './VncCredentials.js'

/** What an app can do with a mounted `<ConsoleViewer>` through its `ref`. */
export interface ConsoleViewerHandle {
  /** Starts a new connection (fresh credentials); also after a disconnect or an error. */
  connect(): void
  /** Closes the connection; it stays closed until `connect()`. */
  disconnect(): void
  sendCtrlAltDel(): void
  /** One key event; without `down`, a press and a release. */
  sendKey(keysym: number, code: string, down?: boolean): void
  /** A combination such as `Ctrl+Alt+F2` or `Alt+Tab`: pressed in order, released in reverse. */
  sendKeys(combo: string): void
  /** Puts text on the server's clipboard (RFB ClientCutText). */
  pasteText(text: string): void
  /** Answers a server that asked for credentials. */
  sendCredentials(credentials: VncCredentials): void
  /** Asks the server to shut down, reboot or reset the machine (when `capabilities.power`). */
  power(action: 'shutdown' | 'reboot' | 'reset'): void
  /** Gives the console the keyboard. */
  focus(): void
  blur(): void
  /** A PNG of the current screen. */
  screenshot(): Promise<Blob>
  readonly state: ConsoleState
}
