import type { RfbServer } from '../../fake-cloud/rfb/RfbServer.ts'

/** Resolves with performance.now() when `server` receives this key (KeyEvent or QEMU key event). */
export function nextKey(server: RfbServer, keysym: number, down: boolean, timeoutMs = 5000) {
  return new Promise<number>((resolveKey, reject) => {
    const timer = setTimeout(() => {
      server.off('key', onKey)
      reject(new Error(`the VNC server got no key within ${timeoutMs} ms`))
    }, timeoutMs)
    // Emitted synchronously where the server parses the message: the moment it receives the key.
    const onKey = (key: { keysym: number; down: boolean }) => {
      if (key.keysym !== keysym || key.down !== down) return
      const at = performance.now()
      clearTimeout(timer)
      server.off('key', onKey)
      resolveKey(at)
    }
    server.on('key', onKey)
  })
}
