import { useEffect, useRef } from 'react'

/**
 * A ref whose element takes the focus on mount if the focus was lost (the canvas that had it went
 * away with the connection), so keyboard users land on the next useful control, never on <body>.
 */
export function useFocusWhenLost<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  useEffect(() => {
    const element = ref.current
    const active = element?.ownerDocument.activeElement
    const lost = !active || active === element?.ownerDocument.body
    const inScreen = active?.closest('[data-rvc-screen]')
    if (element && (lost || inScreen)) element.focus({ preventScroll: true })
  }, [])
  return ref
}
