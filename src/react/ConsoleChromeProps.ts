import type { ReactNode } from 'react'
import type { KeyboardLayout } from '../core/KeyboardLayout.js'
import type { ConsoleViewSettings } from './ConsoleViewSettings.js'
import type { ConsoleLabels } from './i18n/ConsoleLabels.js'
import type { ConsoleLocale } from './i18n/ConsoleLocale.js'

/** The console's own UI around the screen: toolbar, overlay, language, theme, windows. */
export interface ConsoleChromeProps {
  /**
   * `true`: the default `<ConsoleToolbar>` above the screen; a node: that node there instead.
   * Default false on `<ConsoleViewer>`, true on `<CloudTowerConsole>` and `<EcsConsole>`.
   */
  toolbar?: boolean | ReactNode
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
  /** The layout preselected in "Type text". Default 'en-US'. */
  defaultKeyboardLayout?: KeyboardLayout
}
