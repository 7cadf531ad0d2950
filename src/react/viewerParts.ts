import { LoadedConsoleViewer } from './LoadedConsoleViewer.js'
import { ConsoleAnnouncer } from './overlay/ConsoleAnnouncer.js'
import { ConsoleCredentialsForm } from './overlay/ConsoleCredentialsForm.js'
import { ConsoleOverlay } from './overlay/ConsoleOverlay.js'
import { ConsoleClipboardPanel } from './toolbar/ConsoleClipboardPanel.js'
import { ConsoleDisconnectButton } from './toolbar/ConsoleDisconnectButton.js'
import { ConsoleDisplayPanel } from './toolbar/ConsoleDisplayPanel.js'
import { ConsoleFullscreenButton } from './toolbar/ConsoleFullscreenButton.js'
import { ConsoleKeyboardButton } from './toolbar/ConsoleKeyboardButton.js'
import { ConsolePopOutButton } from './toolbar/ConsolePopOutButton.js'
import { ConsolePowerMenu } from './toolbar/ConsolePowerMenu.js'
import { ConsoleReconnectButton } from './toolbar/ConsoleReconnectButton.js'
import { ConsoleScreenshotButton } from './toolbar/ConsoleScreenshotButton.js'
import { ConsoleSendKeysMenu } from './toolbar/ConsoleSendKeysMenu.js'
import { ConsoleStatusIndicator } from './toolbar/ConsoleStatusIndicator.js'
import { ConsoleStickyModifiers } from './toolbar/ConsoleStickyModifiers.js'
import { ConsoleToolbar } from './toolbar/ConsoleToolbar.js'
import { ConsoleToolbarButton } from './toolbar/ConsoleToolbarButton.js'
import { ConsoleTypeTextPanel } from './toolbar/ConsoleTypeTextPanel.js'

/**
 * Everything a mounted console renders, in one module that the package entry imports lazily: an
 * app that imports the package pays for this only when its first console mounts.
 */
export const viewerParts = {
  ConsoleViewer: LoadedConsoleViewer,
  ConsoleAnnouncer,
  ConsoleCredentialsForm,
  ConsoleOverlay,
  ConsoleClipboardPanel,
  ConsoleDisconnectButton,
  ConsoleDisplayPanel,
  ConsoleFullscreenButton,
  ConsoleKeyboardButton,
  ConsolePopOutButton,
  ConsolePowerMenu,
  ConsoleReconnectButton,
  ConsoleScreenshotButton,
  ConsoleSendKeysMenu,
  ConsoleStatusIndicator,
  ConsoleStickyModifiers,
  ConsoleToolbar,
  ConsoleToolbarButton,
  ConsoleTypeTextPanel,
}
