// The React layer's public shapes: props, handles, controls and options. Types only; every
// runtime export has its own file.
import type { ReconnectPolicy } from '../core/connection/reconnectDelay.js'
import type { VmPowerAction } from '../core/power/VmPowerAction.js'
import type { VmPowerControl } from './session/VmPowerControl.js'
import type { ConsoleState, ConsoleStatus } from '../core/connection/types.js'
import type { ConsoleError } from '../core/errors/ConsoleError.js'
import type { ConsoleLabels } from '../i18n/ConsoleLabels.js'
import type { ConsoleLocale } from '../i18n/ConsoleLocale.js'
import type { KeyboardLayout } from '../keys/KeyboardLayout.js'
import type { UntypeableCharacter } from '../keys/UntypeableCharacter.js'
import type { UseQueryOptions } from '@tanstack/react-query'
import type { ComponentPropsWithoutRef, ReactNode, Ref } from 'react'

/** The console's own UI around the screen: toolbar, overlay, language, theme, windows. */
export interface ConsoleChromeProps {
  /**
   * `true`: the default `<ConsoleToolbar>` above the screen; a node: that node there instead.
   * Default false on `<ConsoleViewer>`, true on `<CloudTowerConsole>` and `<EcsConsole>`.
   */
  toolbar?: boolean | ReactNode
  /**
   * Rendered at the end of the toolbar, after its parts (the built-in ones or your own):
   * `<GatewayConsole>` puts its presence indicator and observer note here.
   */
  toolbarEnd?: ReactNode
  /** `true`: the default `<ConsoleOverlay>` over the screen while not connected; a node: that node. Defaults as `toolbar`. */
  overlay?: boolean | ReactNode
  /** Built-in strings: 'en-US' (default) or 'zh-CN' (any `zh-*`). */
  locale?: ConsoleLocale | (string & {})
  /** Replaces any built-in string. */
  labels?: Partial<ConsoleLabels>
  /** `system` (default) follows prefers-color-scheme; sets `data-theme` on the root otherwise. */
  theme?: 'light' | 'dark' | 'system'
  /**
   * A page of the app that shows this same console, opened by the toolbar's pop-out button. It must
   * fetch its own credentials: one-time tokens are never handed to another window.
   */
  popOutUrl?: string
  /** Called when the user pops the console out (after `popOutUrl` opened, or instead of it). */
  onPopOut?: () => void
  /** Opens the provider's own console page in a new window (the ECS fallback when embedding fails). */
  openConsolePage?: () => void
  /** The user changed a display setting from the toolbar (to remember it, for example). */
  onViewSettingsChange?: (settings: ConsoleViewSettings) => void
  /**
   * The guest's keyboard layout: what Paste and "Type text" type for (the keys that make each
   * character on the guest, not on this computer). The user may choose another in "Type text";
   * that choice is remembered per `connectionKey`. Default 'en-US'.
   */
  guestKeyboardLayout?: KeyboardLayout
  /** @deprecated Use `guestKeyboardLayout` (this is its old name, still honoured). */
  defaultKeyboardLayout?: KeyboardLayout
  /**
   * The shortcut that pastes the host clipboard while the console has the keyboard, caught before
   * the VM sees it: modifiers and a DOM `code`. Default `Control+Shift+KeyV`; `false` turns it off.
   */
  pasteShortcut?: string | false
}

/** A paste that "Type text" shows: what could not be typed, or why the clipboard was not read. */
export interface PasteRequest {
  /** Changes with every request. */
  id: number
  text: string
  /** `refused`: the browser would not read the clipboard; `empty`: it held no text. */
  reason: 'untypeable' | 'refused' | 'empty'
  untypeable: readonly UntypeableCharacter[]
  /** How many characters of `text` the layout can type. */
  typeable: number
}

/** What toolbar and overlay parts can do beyond the handle: the console's UI state and actions. */
export interface ConsoleControls {
  /** The resolved strings (locale + `labels`). */
  labels: ConsoleLabels
  /** The console's `locale` prop (default 'en-US'), for names formatted with Intl. */
  locale: string
  /** Display settings in effect; `setSettings` changes them live. */
  settings: ConsoleViewSettings
  setSettings(patch: Partial<ConsoleViewSettings>): void
  /** Keys typed go to the VM. */
  keyboardCaptured: boolean
  captureKeyboard(): void
  /** Releases held keys at the VM and moves the focus to the console element (as Ctrl+Alt+Shift). */
  releaseKeyboard(): void
  /** Focus back to the console after a toolbar action (the VM's keyboard if it takes input). */
  returnFocus(): void
  /** Modifiers held for the next key sent from the toolbar or typed. */
  sticky: readonly StickyModifier[]
  toggleSticky(modifier: StickyModifier): void
  /** A combination such as `Ctrl+Alt+F2`, sticky modifiers included. */
  sendKeys(combo: string): void
  /** The last text the VM copied (ServerCutText). */
  clipboardText: string | undefined
  /** Types text key by key; see `TypeTextOptions`. */
  typeText(text: string, options?: TypeTextOptions): Promise<TypeTextResult>
  stopTyping(): void
  typing: { done: number; total: number } | null
  /** The guest layout in effect (prop, or the user's remembered choice). */
  guestKeyboardLayout: KeyboardLayout
  /** Chooses the guest layout (remembered per `connectionKey`) and loads its table. */
  setGuestKeyboardLayout(layout: KeyboardLayout): void
  /** @deprecated The same as `guestKeyboardLayout`. */
  defaultKeyboardLayout: KeyboardLayout
  /** Reads the host clipboard and types it (call it in a click or key handler). */
  pasteFromClipboard(): void
  /** The `aria-keyshortcuts` value of the paste shortcut; undefined when it is off. */
  pasteShortcut: string | undefined
  /** A paste waiting in "Type text" (untypeable characters, or a refused clipboard). */
  pasteRequest: PasteRequest | null
  /** The server has a real clipboard (it offered the extended clipboard): Paste may also fill it. */
  hasServerClipboard(): boolean
  /** Puts text on the server's clipboard (ClientCutText). */
  setServerClipboard(text: string): void
  /** Paste also puts the text on the server's clipboard (only where `serverClipboard`). */
  alsoServerClipboard: boolean
  setAlsoServerClipboard(value: boolean): void
  /** A local input method's composed key reached the console: show the hint. */
  imeHint: boolean
  dismissImeHint(): void
  /** What the VNC server asks for while `status.credentialsRequired`. */
  credentialTypes: readonly string[]
  fullscreen: boolean
  /** Undefined where the Fullscreen API is missing. */
  toggleFullscreen: (() => void) | undefined
  /** Undefined unless `popOutUrl` or `onPopOut` is set. */
  popOut: (() => void) | undefined
  poppedOut: boolean
  /** Undefined unless the console has a provider page (ECS) or `openConsolePage` is set. */
  openConsolePage: (() => void) | undefined
  /** The id of the focusable console element (for aria-controls). */
  /** The cloud power actions this console offers and whose names they carry (none: undefined). */
  vmPower: Pick<VmPowerControl, 'actions' | 'provider'> | undefined
  screenId: string
  /** The viewer's `toolbarEnd`: the toolbar renders it after its parts. */
  toolbarEnd?: ReactNode
}

/** How the remote screen fits: scaled to the element, the VM resized to it, or 1:1 with scrolling. */
export type ConsoleScaling = 'fit' | 'remote' | 'none'

/** The display settings a toolbar changes on a running console (see `useConsoleControls`). */
export interface ConsoleViewSettings {
  scaling: ConsoleScaling
  viewOnly: boolean
  /** JPEG quality 0–9. */
  qualityLevel: number
  /** Compression 0–9. */
  compressionLevel: number
}

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
  /**
   * Types `text` into the guest as Paste does (guest layout, adaptive pace), without reading the
   * host clipboard. Characters the layout cannot type are not dropped: nothing is typed and the
   * result lists them (with the toolbar, "Type text" opens to ask). Before issue 16 this name put
   * text on the server's clipboard: that is now `setServerClipboard`.
   */
  pasteText(text: string): Promise<TypeTextResult>
  /** Puts text on the server's clipboard (RFB ClientCutText); QEMU guests need an agent for it. */
  setServerClipboard(text: string): void
  /** Types text with options (layout default: the guest's; see `TypeTextOptions`), no UI. */
  typeText(text: string, options?: TypeTextOptions): Promise<TypeTextResult>
  stopTyping(): void
  /** Answers a server that asked for credentials. */
  sendCredentials(credentials: VncCredentials): void
  /** Asks the VNC server to shut down, reboot or reset the machine (when `capabilities.xvp`). */
  power(action: 'shutdown' | 'reboot' | 'reset'): void
  /** Asks the cloud (the `vmPower` prop) to start, shut down, power off or restart the VM. */
  powerVm(action: VmPowerAction): void
  /** Gives the console the keyboard. */
  focus(): void
  blur(): void
  /** A PNG of the current screen. */
  screenshot(): Promise<Blob>
  readonly state: ConsoleState
}

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
  onCapabilities?: (capabilities: { power: boolean; xvp?: boolean }) => void
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
  /**
   * The VM's state and power through its cloud (`<CloudTowerConsole>` and `<EcsConsole>` set it):
   * asked once when an attempt fails, so a stopped VM shows as stopped with Start, not as an error.
   */
  vmPower?: VmPowerControl
  /** Overlays and toolbars; they read the console through `useConsoleViewer()`. */
  children?: ReactNode
  ref?: Ref<ConsoleViewerHandle>
}

/** What a credential hook lets the caller change; the key and fetcher stay ours. */
export type CredentialQueryOptions<T> = Omit<
  UseQueryOptions<T, ConsoleError, T>,
  'queryKey' | 'queryFn'
>

/** A modifier the toolbar holds for the next key (sent or typed). */
export type StickyModifier = 'ctrl' | 'alt' | 'super'

export interface TypeTextOptions {
  /** The guest's keyboard layout, for characters that need Shift or AltGr. Default 'en-US'. */
  layout?: KeyboardLayout
  /**
   * A fixed pause after each character. Default: adaptive (fast at first, then as fast as the
   * server takes keys; slower while the socket backs up).
   */
  delayMs?: number
  /** Type what the layout can and skip the characters it cannot. Default false: type nothing then. */
  skipUntypeable?: boolean
}

/** How far `typeText` got: all `total` characters, or `done` of them when stopped. */
export interface TypeTextResult {
  done: number
  /** The characters that can be typed. */
  total: number
  cancelled: boolean
  /** Characters the layout cannot type (with their position); not typed. */
  untypeable: readonly UntypeableCharacter[]
}

/** Credentials a VNC server may ask for; most ask only for a password. */
export interface VncCredentials {
  username?: string
  password?: string
  target?: string
}

/** Another user with a console open on the same VM, as the gateway's presence answer names them. */
export interface ConsolePresenceViewer {
  user: string
  mode: 'control' | 'observe'
  /** ISO time their console opened. */
  since: string
}
