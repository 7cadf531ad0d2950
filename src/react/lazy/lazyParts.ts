// The exported console UI parts: each a few bytes in the package entry that renders the real part
// from the lazily loaded viewer chunk (see lazyPart).
import type { ConsoleAnnouncerProps } from '../ui/overlay/ConsoleAnnouncer.js'
import type { ConsoleCredentialsFormProps } from '../ui/overlay/ConsoleCredentialsForm.js'
import type { ConsoleOverlayProps } from '../ui/overlay/ConsoleOverlay.js'
import type { ConsoleClipboardPanelProps } from '../ui/toolbar/ConsoleClipboardPanel.js'
import type { ConsoleDisconnectButtonProps } from '../ui/toolbar/ConsoleDisconnectButton.js'
import type { ConsoleDisplayPanelProps } from '../ui/toolbar/ConsoleDisplayPanel.js'
import type { ConsoleFullscreenButtonProps } from '../ui/toolbar/ConsoleFullscreenButton.js'
import type { ConsoleKeyboardButtonProps } from '../ui/toolbar/ConsoleKeyboardButton.js'
import type { ConsolePasteButtonProps } from '../ui/toolbar/ConsolePasteButton.js'
import type { ConsolePopOutButtonProps } from '../ui/toolbar/ConsolePopOutButton.js'
import type { ConsolePowerMenuProps } from '../ui/toolbar/ConsolePowerMenu.js'
import type { ConsoleReconnectButtonProps } from '../ui/toolbar/ConsoleReconnectButton.js'
import type { ConsoleScreenshotButtonProps } from '../ui/toolbar/ConsoleScreenshotButton.js'
import type { ConsoleSendKeysMenuProps } from '../ui/toolbar/ConsoleSendKeysMenu.js'
import type { ConsoleStatusIndicatorProps } from '../ui/toolbar/ConsoleStatusIndicator.js'
import type { ConsoleStickyModifiersProps } from '../ui/toolbar/ConsoleStickyModifiers.js'
import type { ConsoleToolbarProps } from '../ui/toolbar/ConsoleToolbar.js'
import type { ConsoleToolbarButtonProps } from '../ui/toolbar/ConsoleToolbarButton.js'
import type { ConsoleTypeTextPanelProps } from '../ui/toolbar/ConsoleTypeTextPanel.js'
import { lazyPart } from './lazyPart.js'

/**
 * Screen-reader announcements of the console's state: a polite live region for every change
 * ("Connecting…", "Connected to web-01", "Connection lost. Reconnecting…"), errors as alerts.
 * Rendered by `<ConsoleViewer>` whenever its toolbar or overlay is on.
 */
export const ConsoleAnnouncer = lazyPart<ConsoleAnnouncerProps>('ConsoleAnnouncer')

/**
 * The VM's clipboard both ways: what the VM last copied (ServerCutText), with a Copy button for
 * this computer's clipboard, and a box whose text is put on the VM's clipboard (ClientCutText).
 */
export const ConsoleClipboardPanel = lazyPart<ConsoleClipboardPanelProps>('ConsoleClipboardPanel')

/**
 * Asks for what the VNC server wants (password, and username/target when asked) and sends it.
 * The fields are uncontrolled on purpose: React mirrors a controlled input's value into its
 * `value` attribute, which would put the password in the DOM while it is typed.
 */
export const ConsoleCredentialsForm =
  lazyPart<ConsoleCredentialsFormProps>('ConsoleCredentialsForm')

/** Closes the connection (and any pending reconnect); nothing reconnects until Connect. */
export const ConsoleDisconnectButton =
  lazyPart<ConsoleDisconnectButtonProps>('ConsoleDisconnectButton')

/**
 * Display settings that apply at once, without reconnecting: scaling (fit to window, resize the
 * VM's screen, or 1:1 with scrolling), view only, JPEG quality and compression.
 */
export const ConsoleDisplayPanel = lazyPart<ConsoleDisplayPanelProps>('ConsoleDisplayPanel')

/**
 * Shows the whole console (toolbar included) fullscreen, pressed while it is. Esc: where the
 * browser has the Keyboard Lock API (Chromium), Esc goes to the VM and HOLDING Esc leaves
 * fullscreen; elsewhere Esc leaves fullscreen (send it from "Send keys"). Hidden where the
 * Fullscreen API is missing (iPhone Safari, some iframes).
 */
export const ConsoleFullscreenButton =
  lazyPart<ConsoleFullscreenButtonProps>('ConsoleFullscreenButton')

/**
 * Captures the keyboard for the VM, or releases it (the same as Ctrl+Alt+Shift). Pressed
 * (`aria-pressed`) while captured. It keeps the focus where it is on mouse down, so a click can
 * release a captured keyboard.
 */
export const ConsoleKeyboardButton = lazyPart<ConsoleKeyboardButtonProps>('ConsoleKeyboardButton')

/**
 * Covers the screen whenever the console is not connected: a spinner while fetching credentials
 * and connecting, the credentials form when the VNC server asks, the reconnect countdown with
 * Cancel, and for errors an operator's message (role=alert) with Retry where retrying can help
 * and, for ECS, "Open console in a new window". Renders nothing while connected.
 */
export const ConsoleOverlay = lazyPart<ConsoleOverlayProps>('ConsoleOverlay')

/**
 * "Paste from clipboard": reads this computer's clipboard in the click and types it into the VM on
 * the guest's keyboard layout (the same as the `pasteShortcut`, Ctrl+Shift+V). While it types it
 * is a Stop button with the progress. A refused clipboard or characters the layout cannot type
 * open "Type text" with the reason.
 */
export const ConsolePasteButton = lazyPart<ConsolePasteButtonProps>('ConsolePasteButton')

/**
 * Opens the console in a new window (the viewer's `popOutUrl`, a page of the app that mounts the
 * same console and fetches its own fresh credentials) and closes it here. Rendered only when
 * the viewer has `popOutUrl` or `onPopOut`.
 */
export const ConsolePopOutButton = lazyPart<ConsolePopOutButtonProps>('ConsolePopOutButton')

/**
 * Shut down, reboot or reset the machine through the VNC server (XVP), after a confirmation.
 * Rendered only while connected to a server that reports the power capability.
 */
export const ConsolePowerMenu = lazyPart<ConsolePowerMenuProps>('ConsolePowerMenu')

/** A new connection with fresh credentials, also after an error or a disconnect. */
export const ConsoleReconnectButton =
  lazyPart<ConsoleReconnectButtonProps>('ConsoleReconnectButton')

/** Saves a PNG of what the console shows (the canvas noVNC draws), named after the desktop. */
export const ConsoleScreenshotButton =
  lazyPart<ConsoleScreenshotButtonProps>('ConsoleScreenshotButton')

/**
 * A menu of key combinations the browser would not pass on (Ctrl+Alt+Del, Ctrl+Alt+F1…F12,
 * Alt+Tab, …). Each is pressed in order and released in reverse, with any sticky modifiers held;
 * the focus then returns to the console.
 */
export const ConsoleSendKeysMenu = lazyPart<ConsoleSendKeysMenuProps>('ConsoleSendKeysMenu')

/**
 * A dot and a line of text: connecting, connected (desktop name), reconnecting in N s with
 * Cancel, disconnected, or the error. Not a live region itself (the console's announcer is).
 */
export const ConsoleStatusIndicator =
  lazyPart<ConsoleStatusIndicatorProps>('ConsoleStatusIndicator')

/**
 * Toggle buttons (`aria-pressed`) that hold Ctrl, Alt or Super for the next key, whether it comes
 * from the "Send keys" menu or the keyboard; they let go after that key. For keys the host OS
 * keeps to itself (Super, Alt+Tab) or a touch screen without modifiers.
 */
export const ConsoleStickyModifiers =
  lazyPart<ConsoleStickyModifiersProps>('ConsoleStickyModifiers')

/**
 * The console's toolbar (role=toolbar, Left/Right/Home/End move between its controls). Without
 * children it holds every built-in part; with children, only those, so an app can rearrange the
 * parts or add its own `<ConsoleToolbarButton>`s.
 */
export const ConsoleToolbar = lazyPart<ConsoleToolbarProps>('ConsoleToolbar')

/** A toolbar button styled like the built-in ones, for app-specific actions. */
export const ConsoleToolbarButton = lazyPart<ConsoleToolbarButtonProps>('ConsoleToolbarButton')

/**
 * "Paste as keystrokes": a panel whose text is typed into the VM key by key, for consoles with no
 * clipboard (BIOS, installers, login prompts, a Linux tty). The guest's layout (chosen here and
 * remembered per console) decides which keys (with Shift or AltGr) type each character; characters
 * it has no key for are listed with their position before anything is typed (type the rest, or
 * cancel). The pace adapts to the server unless fixed; a long text can be stopped midway. A paste
 * that needs the user (a refused clipboard, untypeable characters) opens it.
 */
export const ConsoleTypeTextPanel = lazyPart<ConsoleTypeTextPanelProps>('ConsoleTypeTextPanel')
