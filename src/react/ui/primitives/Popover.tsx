import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { rovingFocusTarget } from './rovingFocusTarget.js'
import { composeHandlers } from './composeHandlers.js'
import { useConsoleControls } from '../../context/useConsoleControls.js'
import type { ConsoleToolbarButtonProps } from '../toolbar/ConsoleToolbarButton.js'
import { Icon, type IconName } from './Icon.js'

/** Where the focus goes when a popover closes. */
export type CloseFocus = 'trigger' | 'console' | 'none'

export interface PopoverProps extends Omit<ConsoleToolbarButtonProps, 'children' | 'label'> {
  label: string
  icon: IconName
  /** `menu`: role=menu with arrow-key items; `dialog`: a non-modal panel with form controls. */
  kind: 'menu' | 'dialog'
  /** The panel's accessible name (default: `label`). */
  title?: string
  /** Controlled open state (e.g. a paste that opens "Type text"); uncontrolled without it. */
  open?: boolean
  onOpenChange?: (open: boolean) => void
  children: (close: (focus?: CloseFocus) => void) => ReactNode
}

const ITEMS = '[role^="menuitem"]:not([disabled])'
const FOCUSABLE = 'input, select, textarea, button:not([disabled]), [tabindex="0"]'

/**
 * A toolbar button that opens a menu or a small panel below it. Escape closes it and returns the
 * focus to the button; a click outside closes it; in a menu, arrows, Home and End move between
 * items and Tab leaves it. Open, its root has `data-state="open"`.
 */
export function Popover(props: PopoverProps) {
  const {
    label,
    icon,
    kind,
    title,
    open: openProp,
    onOpenChange,
    children,
    onClick,
    onKeyDown,
    ...rest
  } = props
  const controls = useConsoleControls()
  const [openState, setOpenState] = useState(false)
  const open = openProp ?? openState
  const setOpen = (next: boolean) => {
    setOpenState(next)
    if (next !== open) onOpenChange?.(next)
  }
  // The outside-click listener closes through the latest `setOpen` (a controlled owner hears it).
  const closeOutside = useRef(() => {})
  useLayoutEffect(() => {
    closeOutside.current = () => setOpen(false)
  })
  const id = useId()
  const triggerId = useId()
  const wrapper = useRef<HTMLSpanElement>(null)
  const content = useRef<HTMLDivElement>(null)

  // By id, not ref: panels get `close` while rendering, and refs are not for render.
  const close = (focus: CloseFocus = 'trigger') => {
    setOpen(false)
    if (focus === 'trigger') document.getElementById(triggerId)?.focus()
    else if (focus === 'console') controls.returnFocus()
  }

  useEffect(() => {
    if (!open) return
    const first = content.current?.querySelector<HTMLElement>(kind === 'menu' ? ITEMS : FOCUSABLE)
    first?.focus()
    const onPointerDown = (event: PointerEvent | MouseEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) closeOutside.current()
    }
    const doc = wrapper.current?.ownerDocument
    doc?.addEventListener('mousedown', onPointerDown)
    return () => doc?.removeEventListener('mousedown', onPointerDown)
  }, [open, kind])

  const onContentKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      close('trigger')
      return
    }
    if (kind !== 'menu') return
    if (event.key === 'Tab') {
      setOpen(false)
      return
    }
    const items = [...(content.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])]
    // From outside the items (the menu itself has focus), Down starts at the first.
    const current = event.target as HTMLElement
    const next = items.includes(current)
      ? rovingFocusTarget(event.key, 'both', items, current)
      : rovingFocusTarget(event.key === 'ArrowDown' ? 'Home' : event.key, 'both', items, current)
    if (next) {
      event.preventDefault()
      next.focus()
    }
  }

  return (
    <span ref={wrapper} data-rvc-popover="" data-state={open ? 'open' : 'closed'}>
      <button
        type="button"
        data-rvc-button=""
        id={triggerId}
        {...rest}
        aria-haspopup={kind}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={composeHandlers(onClick, () => setOpen(!open))}
        onKeyDown={composeHandlers(onKeyDown, (event) => {
          if (kind === 'menu' && event.key === 'ArrowDown' && !open) {
            event.preventDefault()
            setOpen(true)
          }
        })}
      >
        <Icon name={icon} />
        <span data-rvc-label="">{label}</span>
        <Icon name="chevron" />
      </button>
      {open ? (
        <div
          ref={content}
          id={id}
          role={kind}
          aria-label={title ?? label}
          data-rvc-popover-content=""
          data-kind={kind}
          onKeyDown={onContentKeyDown}
        >
          {children(close)}
        </div>
      ) : null}
    </span>
  )
}
