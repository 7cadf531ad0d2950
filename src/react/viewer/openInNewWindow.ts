import { ConsoleError } from '../../core/errors/ConsoleError.js'

const FEATURES = 'popup=yes,width=1024,height=800'

/**
 * Opens a window for a URL that is known only after an async step (fresh credentials), without
 * popup blockers stopping it: the window opens now, during the click, and navigates when the URL
 * arrives. It does not keep a reference to this page (`opener` is cut). Returns false when blocked.
 */
export function openInNewWindow(url: string | (() => Promise<string>), target = '_blank'): boolean {
  const opened = window.open(typeof url === 'string' ? url : 'about:blank', target, FEATURES)
  if (!opened) return false
  opened.opener = null
  if (typeof url !== 'string') {
    url().then(
      (resolved) => opened.location.replace(resolved),
      (error: unknown) => {
        // Say why in the window the user is looking at; a window that just vanished says nothing.
        try {
          opened.document.title = 'Console'
          opened.document.body.textContent = ConsoleError.is(error)
            ? error.message
            : 'The console could not be opened.'
        } catch {
          opened.close()
        }
      },
    )
  }
  return true
}
