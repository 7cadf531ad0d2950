import { viewerLoader } from './viewerLoader.js'
import { vncScreenLoader } from '../loaders/vncScreenLoader.js'
import { warmConsoleAccess } from './warmConsoleAccess.js'

/**
 * Fetches the console's lazy code (the viewer chunk and react-vnc with noVNC) ahead of the first
 * mount, e.g. when the pointer rests on an "Open console" button, and runs the credential fetch's
 * code once without a request. Safe to call often, and on the server, where it does nothing
 * (react-vnc needs `window`); a failure rejects here and is retried by the next call or mount.
 */
export async function preloadConsole(): Promise<void> {
  if (typeof window === 'undefined') return
  await Promise.all([viewerLoader.load(), vncScreenLoader.load(), warmConsoleAccess()])
}
