import type { ComponentPropsWithRef, ReactNode } from 'react'
import { Icon, type IconName } from '../primitives/Icon.js'

export interface ConsoleToolbarButtonProps extends ComponentPropsWithRef<'button'> {
  /** A built-in icon, shown before the label. */
  icon?: IconName
  /** The visible text and accessible name (the stylesheet may hide it visually on narrow toolbars). */
  label: ReactNode
}

/** A toolbar button styled like the built-in ones, for app-specific actions. */
export function ConsoleToolbarButton(props: ConsoleToolbarButtonProps) {
  const { icon, label, children, ...rest } = props
  return (
    <button type="button" data-rvc-button="" {...rest}>
      {icon ? <Icon name={icon} /> : null}
      <span data-rvc-label="">{label}</span>
      {children}
    </button>
  )
}
