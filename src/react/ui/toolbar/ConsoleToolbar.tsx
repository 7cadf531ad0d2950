import type { ComponentPropsWithRef, KeyboardEvent } from 'react'
import { rovingFocusTarget } from '../primitives/rovingFocusTarget.js'
import { composeHandlers } from '../primitives/composeHandlers.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { ConsoleClipboardPanel } from './ConsoleClipboardPanel.js'
import { ConsoleDisconnectButton } from './ConsoleDisconnectButton.js'
import { ConsoleDisplayPanel } from './ConsoleDisplayPanel.js'
import { ConsoleFullscreenButton } from './ConsoleFullscreenButton.js'
import { ConsoleKeyboardButton } from './ConsoleKeyboardButton.js'
import { ConsolePasteButton } from './ConsolePasteButton.js'
import { ConsolePopOutButton } from './ConsolePopOutButton.js'
import { ConsolePowerMenu } from './ConsolePowerMenu.js'
import { ConsoleReconnectButton } from './ConsoleReconnectButton.js'
import { ConsoleScreenshotButton } from './ConsoleScreenshotButton.js'
import { ConsoleSendKeysMenu } from './ConsoleSendKeysMenu.js'
import { ConsoleStatusIndicator } from './ConsoleStatusIndicator.js'
import { ConsoleStickyModifiers } from './ConsoleStickyModifiers.js'
import { ConsoleTypeTextPanel } from './ConsoleTypeTextPanel.js'

export type ConsoleToolbarProps = ComponentPropsWithRef<'div'>

// The toolbar's own controls, not those inside an open menu or panel.
const OWN = [':scope >', ':scope > * >', ':scope > * > * >']
  .map((path) => `${path} [data-rvc-button]:not([disabled])`)
  .join(', ')

/**
 * The console's toolbar (role=toolbar, Left/Right/Home/End move between its controls). Without
 * children it holds every built-in part; with children, only those, so an app can rearrange the
 * parts or add its own `<ConsoleToolbarButton>`s.
 */
export function ConsoleToolbar(props: ConsoleToolbarProps) {
  const { children, onKeyDown, ...rest } = props
  const { labels, screenId, toolbarEnd } = useConsoleControls()
  const onArrow = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement
    if (target.closest('[data-rvc-popover-content]') || target.matches('input, select, textarea'))
      return
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>(OWN)]
    // Only from one of the toolbar's own controls.
    if (!items.includes(target)) return
    const next = rovingFocusTarget(event.key, 'horizontal', items, target)
    if (!next) return
    event.preventDefault()
    next.focus()
  }
  return (
    <div
      role="toolbar"
      aria-label={labels.toolbar}
      aria-controls={screenId}
      data-rvc-toolbar=""
      {...rest}
      onKeyDown={composeHandlers(onKeyDown, onArrow)}
    >
      {children ?? (
        <>
          <div data-rvc-toolbar-group="" data-group="status">
            <ConsoleStatusIndicator />
          </div>
          <div data-rvc-toolbar-group="" data-group="keyboard">
            <ConsoleKeyboardButton />
            <ConsoleSendKeysMenu />
            <ConsoleStickyModifiers />
            <ConsolePasteButton />
            <ConsoleTypeTextPanel />
            <ConsoleClipboardPanel />
          </div>
          <div data-rvc-toolbar-group="" data-group="view">
            <ConsoleDisplayPanel />
            <ConsoleScreenshotButton />
            <ConsoleFullscreenButton />
            <ConsolePopOutButton />
          </div>
          <div data-rvc-toolbar-group="" data-group="session">
            <ConsolePowerMenu />
            <ConsoleReconnectButton />
            <ConsoleDisconnectButton />
          </div>
        </>
      )}
      {toolbarEnd}
    </div>
  )
}
