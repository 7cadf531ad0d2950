import { LoadedConsoleViewer } from '../viewer/LoadedConsoleViewer.js'
import { ConsoleAnnouncer } from '../ui/overlay/ConsoleAnnouncer.js'
import { ConsoleCredentialsForm } from '../ui/overlay/ConsoleCredentialsForm.js'
import { ConsoleOverlay } from '../ui/overlay/ConsoleOverlay.js'
import { ConsoleClipboardPanel } from '../ui/toolbar/ConsoleClipboardPanel.js'
import { ConsoleDisconnectButton } from '../ui/toolbar/ConsoleDisconnectButton.js'
import { ConsoleDisplayPanel } from '../ui/toolbar/ConsoleDisplayPanel.js'
import { ConsoleFullscreenButton } from '../ui/toolbar/ConsoleFullscreenButton.js'
import { ConsoleKeyboardButton } from '../ui/toolbar/ConsoleKeyboardButton.js'
import { ConsolePasteButton } from '../ui/toolbar/ConsolePasteButton.js'
import { ConsolePopOutButton } from '../ui/toolbar/ConsolePopOutButton.js'
import { ConsolePowerMenu } from '../ui/toolbar/ConsolePowerMenu.js'
import { ConsoleReconnectButton } from '../ui/toolbar/ConsoleReconnectButton.js'
import { ConsoleScreenshotButton } from '../ui/toolbar/ConsoleScreenshotButton.js'
import { ConsoleSendKeysMenu } from '../ui/toolbar/ConsoleSendKeysMenu.js'
import { ConsoleStatusIndicator } from '../ui/toolbar/ConsoleStatusIndicator.js'
import { ConsoleStickyModifiers } from '../ui/toolbar/ConsoleStickyModifiers.js'
import { ConsoleToolbar } from '../ui/toolbar/ConsoleToolbar.js'
import { ConsoleToolbarButton } from '../ui/toolbar/ConsoleToolbarButton.js'
import { ConsoleTypeTextPanel } from '../ui/toolbar/ConsoleTypeTextPanel.js'

/**
 * Everything a mounted console renders, in one module that the package entry imports lazily: an
 * app that imports the package pays for this only when its first console mounts.
 */
export const viewerParts = {
  LoadedConsoleViewer,
  ConsoleAnnouncer,
  ConsoleCredentialsForm,
  ConsoleOverlay,
  ConsoleClipboardPanel,
  ConsoleDisconnectButton,
  ConsoleDisplayPanel,
  ConsoleFullscreenButton,
  ConsoleKeyboardButton,
  ConsolePasteButton,
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
