import type { RfbPixelFormat } from './RfbPixelFormat.ts'

/** One screen of a SetDesktopSize / ExtendedDesktopSize layout. */
export interface RfbScreen {
  id: number
  x: number
  y: number
  width: number
  height: number
  flags: number
}

/**
 * Everything a client said, parsed: the per-session `log` holds these in arrival order, and
 * sessions emit each as a `message` event.
 */
export type RfbClientMessage =
  | { type: 'clientInit'; shared: boolean }
  | { type: 'setPixelFormat'; pixelFormat: RfbPixelFormat }
  | { type: 'setEncodings'; encodings: number[] }
  | {
      type: 'framebufferUpdateRequest'
      incremental: boolean
      x: number
      y: number
      width: number
      height: number
    }
  /** A plain KeyEvent (message type 4). */
  | { type: 'key'; down: boolean; keysym: number }
  /** A QEMU Extended Key Event (message type 255, subtype 0); `scancode` is the RFB/XT key code. */
  | { type: 'qemuKey'; down: boolean; keysym: number; scancode: number }
  | { type: 'pointer'; buttonMask: number; x: number; y: number }
  /**
   * ClientCutText. Plain form: Latin-1 `text`. Extended-clipboard form (negative length): the
   * action/format `flags` word, with `text` only when a Provide message carried decodable text.
   */
  | { type: 'clientCutText'; extended: false; text: string }
  | { type: 'clientCutText'; extended: true; flags: number; text?: string }
  | { type: 'setDesktopSize'; width: number; height: number; screens: RfbScreen[] }
  /** XVP (message type 250): op 2 shutdown, 3 reboot, 4 reset. */
  | { type: 'xvp'; version: number; op: 'shutdown' | 'reboot' | 'reset' | 'unknown'; code: number }
  | {
      type: 'enableContinuousUpdates'
      enable: boolean
      x: number
      y: number
      width: number
      height: number
    }
  | { type: 'fence'; flags: number; payload: Uint8Array }
