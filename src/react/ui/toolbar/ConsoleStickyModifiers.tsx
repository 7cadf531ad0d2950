import type { ComponentPropsWithRef } from 'react'
import type { StickyModifier } from '../../types.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import { useConsoleViewer } from '../../context/useConsoleViewer.js'

export interface ConsoleStickyModifiersProps extends ComponentPropsWithRef<'div'> {
  /** Which toggles to show, in order. Default Ctrl, Alt, Super. */
  modifiers?: readonly StickyModifier[]
}

const LABEL = { ctrl: 'stickyCtrl', alt: 'stickyAlt', super: 'stickySuper' } as const

/**
 * Toggle buttons (`aria-pressed`) that hold Ctrl, Alt or Super for the next key, whether it comes
 * from the "Send keys" menu or the keyboard; they let go after that key. For keys the host OS
 * keeps to itself (Super, Alt+Tab) or a touch screen without modifiers.
 */
export function ConsoleStickyModifiers(props: ConsoleStickyModifiersProps) {
  const { modifiers = ['ctrl', 'alt', 'super'], ...rest } = props
  const { status } = useConsoleViewer()
  const { labels, sticky, toggleSticky, settings } = useConsoleControls()
  const disabled = status.state !== 'connected' || settings.viewOnly
  return (
    <div role="group" aria-label={labels.stickyModifiers} data-rvc-sticky="" {...rest}>
      {modifiers.map((modifier) => (
        <button
          key={modifier}
          type="button"
          data-rvc-button=""
          data-modifier={modifier}
          data-state={sticky.includes(modifier) ? 'on' : 'off'}
          aria-pressed={sticky.includes(modifier)}
          disabled={disabled}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => toggleSticky(modifier)}
        >
          {labels[LABEL[modifier]]}
        </button>
      ))}
    </div>
  )
}
