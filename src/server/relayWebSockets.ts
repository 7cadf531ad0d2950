import type { RawData, WebSocket } from 'ws'

export interface RelayOptions {
  /** Pause the sending side while the receiving side has more than this queued. */
  highWaterMark: number
  /** Close both sides after this long without a byte either way. */
  idleTimeoutMs: number
  /** Messages the upstream sent before the browser was attached, in order. */
  early?: readonly { data: RawData; isBinary: boolean }[]
  onBytes?(direction: 'toUpstream' | 'toBrowser', bytes: number): void
  /** Once, when both sides have closed. */
  onEnd?(reason: 'browser' | 'upstream' | 'idle' | 'closed'): void
}

export interface Relay {
  /** Ends both sides with a close frame (1001 by default). */
  close(code?: number, reason?: string): void
}

const size = (data: RawData) =>
  Array.isArray(data)
    ? data.reduce((n, b) => n + b.length, 0)
    : data instanceof ArrayBuffer
      ? data.byteLength
      : data.length

// Codes a peer may send in a close frame; 1005/1006/1015 only describe what happened locally.
const sendable = (code: number) => (code === 1000 || (code >= 3000 && code <= 4999) ? code : 1000)

/**
 * Moves websocket messages both ways unchanged (message boundaries and binary/text kept). A side
 * that outruns the other is paused until the other's send buffer drains below a quarter of the
 * high-water mark, so a slow browser cannot make the gateway buffer without bound.
 */
export function relayWebSockets(
  browser: WebSocket,
  upstream: WebSocket,
  options: RelayOptions,
): Relay {
  const { highWaterMark, idleTimeoutMs } = options
  let lastActivity = Date.now()
  let ended = false
  let endReason: 'browser' | 'upstream' | 'idle' | 'closed' = 'closed'
  let idleTimer: NodeJS.Timeout | undefined

  const pipe = (from: WebSocket, to: WebSocket, direction: 'toUpstream' | 'toBrowser') => {
    const resumeIfDrained = () => {
      if (from.isPaused && to.bufferedAmount <= highWaterMark / 4) from.resume()
    }
    return (data: RawData, isBinary: boolean) => {
      lastActivity = Date.now()
      if (to.readyState !== to.OPEN) return
      options.onBytes?.(direction, size(data))
      to.send(data, { binary: isBinary }, resumeIfDrained)
      if (to.bufferedAmount > highWaterMark && !from.isPaused) from.pause()
    }
  }
  const toBrowser = pipe(upstream, browser, 'toBrowser')
  for (const message of options.early ?? []) toBrowser(message.data, message.isBinary)
  upstream.on('message', toBrowser)
  browser.on('message', pipe(browser, upstream, 'toUpstream'))
  upstream.resume()

  const finish = () => {
    if (ended || browser.readyState !== browser.CLOSED || upstream.readyState !== upstream.CLOSED)
      return
    ended = true
    clearTimeout(idleTimer)
    options.onEnd?.(endReason)
  }
  const closeBoth = (code: number, reason: string) => {
    for (const side of [browser, upstream]) {
      if (side.readyState === side.OPEN || side.readyState === side.CONNECTING)
        side.close(code, reason)
      // A peer that never answers the close frame is cut off.
      setTimeout(() => side.terminate(), 2_000).unref()
    }
  }
  browser.on('close', (code, reason) => {
    if (endReason === 'closed') endReason = 'browser'
    if (upstream.readyState === upstream.OPEN) upstream.close(sendable(code), reason.toString())
    else if (upstream.readyState === upstream.CONNECTING) upstream.terminate()
    finish()
  })
  upstream.on('close', (code, reason) => {
    if (endReason === 'closed') endReason = 'upstream'
    // An upstream that vanished (1006) is reported as 1011 so the browser knows it was not its doing.
    if (browser.readyState === browser.OPEN)
      browser.close(code === 1006 ? 1011 : sendable(code), reason.toString())
    finish()
  })
  browser.on('error', () => browser.terminate())
  upstream.on('error', () => upstream.terminate())

  const checkIdle = () => {
    const quiet = Date.now() - lastActivity
    if (quiet >= idleTimeoutMs) {
      endReason = 'idle'
      closeBoth(4000, 'idle timeout')
    } else {
      idleTimer = setTimeout(checkIdle, idleTimeoutMs - quiet)
      idleTimer.unref()
    }
  }
  idleTimer = setTimeout(checkIdle, idleTimeoutMs)
  idleTimer.unref()

  return {
    close(code = 1001, reason = 'console gateway closing') {
      closeBoth(code, reason)
    },
  }
}
