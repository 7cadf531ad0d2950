import { useEffect, useState, type RefObject } from 'react'

interface KeyboardLock {
  lock?: (keys?: string[]) => Promise<void>
  unlock?: () => void
}

/**
 * Fullscreen for `element` through the Fullscreen API.
 *
 * Esc: browsers keep Esc to leave fullscreen, so it would never reach the VM. Where the Keyboard
 * Lock API exists (Chromium), entering fullscreen locks the keyboard: Esc, Alt+Tab and the Super
 * key go to the VM, and the user leaves fullscreen by HOLDING Esc (the browser says so on entry).
 * Elsewhere a short Esc leaves fullscreen and is not sent; "Send keys → Esc" sends it.
 */
export function useFullscreen(element: RefObject<HTMLElement | null>) {
  const [fullscreen, setFullscreen] = useState(false)
  useEffect(() => {
    const doc = element.current?.ownerDocument
    if (!doc) return
    const onChange = () => {
      const active = doc.fullscreenElement !== null && doc.fullscreenElement === element.current
      setFullscreen(active)
      const keyboard = (navigator as { keyboard?: KeyboardLock }).keyboard
      if (active) keyboard?.lock?.().catch(() => {})
      else keyboard?.unlock?.()
    }
    doc.addEventListener('fullscreenchange', onChange)
    return () => doc.removeEventListener('fullscreenchange', onChange)
  }, [element])
  const supported = typeof document !== 'undefined' && document.fullscreenEnabled === true
  // One function for the component's life (it reads the element when called).
  const [toggle] = useState(() => () => {
    const target = element.current
    if (!target) return
    if (target.ownerDocument.fullscreenElement === target) {
      void target.ownerDocument.exitFullscreen().catch(() => {})
    } else {
      void target.requestFullscreen({ navigationUI: 'hide' }).catch(() => {})
    }
  })
  return { fullscreen, toggle: supported ? toggle : undefined }
}
