/**
 * Runs `task` once the current I/O callbacks are done: `setImmediate` in Node (what the server has
 * always used, so a burst of input coalesces into one update), a zero timeout in a browser.
 */
export function runSoon(task: () => void): void {
  if (typeof globalThis.setImmediate === 'function') globalThis.setImmediate(task)
  else setTimeout(task, 0)
}
