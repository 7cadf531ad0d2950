import type { ReactNode } from 'react'

export interface PanelProps {
  /** `data-panel`, for styles and tests. */
  name: string
  /** A title shown at the top; none by default. */
  heading?: ReactNode
  children?: ReactNode
}

/** The body of a toolbar popover. */
export function Panel(props: PanelProps) {
  const { name, heading, children } = props
  return (
    <div data-rvc-panel="" data-panel={name}>
      {heading === undefined ? null : <p data-rvc-panel-title="">{heading}</p>}
      {children}
    </div>
  )
}
