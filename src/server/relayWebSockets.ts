import type { RawData, WebSocket } from 'ws'
import { CLOSE_GRACE_MS } from './CLOSE_GRACE_MS.js'
import { watchPeer } from './watchPeer.js'

export type EndReason =
  | 'browser'
  | 'upstream'
  | 'idle'
  | 'closed'
  | 'browser unresponsive'
  | 'upstream unresponsive'
  | 'browser message too big'
  | 'upstream message too big'
  | 'gateway closing'
  | 'browser cut off'
  | 'upstream cut off'

/** A hook's verdict on a message: cut its sender off, closing both sides with this code. */
export interface RelayCut {
  code: number
  reason: string
}

/**
 * Sees every message one way before it is sent on (`early` ones too): returns the bytes to send
 * (empty: none), or a cut. It must not throw.
 */
export type RelayHook = (data: Buffer, isBinary: boolean) => Uint8Array | RelayCut

export interface RelayOptions {
  /** Pause the sending side while the receiving side has more than this queued. */
  highWaterMark: number
  /** Close both sides after this long without a byte either way. */
  idleTimeoutMs: number
  /**
   * Both sides are pinged this often; a side that shows no life between two pings (see
   * `watchPeer`) is cut off, so a vanished peer is gone within twice this.
   */
  heartbeatMs: number
  /** Messages the upstream sent before the browser was attached, in order. */
  early?: readonly { data: RawData; isBinary: boolean }[]
  /** Per direction: looks at, rewrites or refuses each message (an RFB filter, a recorder). */
  hooks?: { toUpstream?: RelayHook; toBrowser?: RelayHook }
  /** Bytes sent on, per direction (after the hook). */
  onBytes?(direction: 'toUpstream' | 'toBrowser', bytes: number): void
  /**
   * Once, when both sides have closed: why, and the first close code seen (the closing side's,
   * the gateway's own, or 1006 for a socket that vanished or was cut off).
   */
  onEnd?(reason: EndReason, closeCode: number): void
}

export interface Relay {
  /** Ends both sides with a close frame (1001 by default). */
  close(code?: number, reason?: string): void
}

const toBuffer = (data: RawData): Buffer =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? Buffer.from(data) : data

const size = (data: RawData | Uint8Array) =>
  Array.isArray(data)
    ? data.reduce((n, b) => n + b.length, 0)
    : data instanceof ArrayBuffer
      ? data.byteLength
      : data.length

// Codes a peer may send in a close frame; 1005/1006/1015 only describe what happened locally.
const sendable = (code: number) => (code === 1000 || (code >= 3000 && code <= 4999) ? code : 1000)

const tooBig = (error: Error) =>
  (error as { code?: string }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'

/**
 * Moves websocket messages both ways unchanged (message boundaries and binary/text kept). A side
 * that outruns the other is paused until the other's send buffer drains below a quarter of the
 * high-water mark, so a slow browser cannot make the gateway buffer without bound. Both sides
 * are pinged every `heartbeatMs`; one that shows no life between two pings is cut off.
 */
export function relayWebSockets(
  browser: WebSocket,
  upstream: WebSocket,
  options: RelayOptions,
): Relay {
  const { highWaterMark, idleTimeoutMs, heartbeatMs } = options
  let lastActivity = Date.now()
  let ended = false
  let endReason: EndReason = 'closed'
  let endCode: number | undefined
  let idleTimer: NodeJS.Timeout | undefined
  const sides = [
    { side: browser, watch: watchPeer(), name: 'browser' },
    { side: upstream, watch: watchPeer(), name: 'upstream' },
  ] as const
  const [browserSide, upstreamSide] = sides

  let cut = false
  const pipe = (
    { side: from, watch: heard, name }: (typeof sides)[number],
    { side: to, watch: target }: (typeof sides)[number],
    direction: 'toUpstream' | 'toBrowser',
  ) => {
    const resumeIfDrained = () => {
      if (from.isPaused && to.bufferedAmount <= highWaterMark / 4) from.resume()
    }
    const hook = options.hooks?.[direction]
    return (data: RawData, isBinary: boolean) => {
      lastActivity = Date.now()
      heard.heard()
      if (to.readyState !== to.OPEN || cut) return
      let out: RawData | Uint8Array = data
      if (hook) {
        const verdict = hook(toBuffer(data), isBinary)
        // (isView, not instanceof: under jsdom a Buffer's Uint8Array is another realm's.)
        if (!ArrayBuffer.isView(verdict)) {
          cut = true
          if (endReason === 'closed') endReason = `${name} cut off`
          closeBoth(verdict.code, verdict.reason)
          return
        }
        if (verdict.length === 0) return
        out = verdict
      }
      options.onBytes?.(direction, size(out))
      const seq = target.queued()
      to.send(out, { binary: isBinary }, () => {
        target.sent(seq)
        resumeIfDrained()
      })
      if (to.bufferedAmount > highWaterMark && !from.isPaused) {
        from.pause()
        heard.paused()
      }
    }
  }
  const toBrowser = pipe(upstreamSide, browserSide, 'toBrowser')
  for (const { side, watch } of sides) {
    side.on('pong', () => watch.heard())
    side.on('ping', () => watch.heard())
  }

  const heartbeat = setInterval(() => {
    for (const { side, watch, name } of sides) {
      if (side.readyState !== side.OPEN) continue
      if (watch.check(side.isPaused)) side.ping()
      else {
        if (endReason === 'closed') endReason = `${name} unresponsive`
        endCode ??= 1006
        // No close frame: it would wait behind the bytes the peer is not reading.
        side.terminate()
      }
    }
  }, heartbeatMs)
  heartbeat.unref()

  const finish = () => {
    if (ended || browser.readyState !== browser.CLOSED || upstream.readyState !== upstream.CLOSED)
      return
    ended = true
    clearTimeout(idleTimer)
    clearInterval(heartbeat)
    options.onEnd?.(endReason, endCode ?? 1006)
  }
  /** A peer that never answers the close frame is cut off after the grace. */
  const cutOff = (side: WebSocket) => {
    // Its close frame (and FIN) must be read for the close to finish, even under backpressure.
    if (side.isPaused) side.resume()
    setTimeout(() => side.terminate(), CLOSE_GRACE_MS).unref()
  }
  const closeBoth = (code: number, reason: string) => {
    endCode ??= code
    for (const side of [browser, upstream]) {
      if (side.readyState === side.OPEN || side.readyState === side.CONNECTING)
        side.close(code, reason)
      cutOff(side)
    }
  }
  browser.on('close', (code, reason) => {
    if (endReason === 'closed') endReason = 'browser'
    endCode ??= code
    if (upstream.readyState === upstream.OPEN) {
      upstream.close(sendable(code), reason.toString())
      cutOff(upstream)
    } else if (upstream.readyState === upstream.CONNECTING) upstream.terminate()
    finish()
  })
  upstream.on('close', (code, reason) => {
    if (endReason === 'closed') endReason = 'upstream'
    endCode ??= code
    // An upstream that vanished (1006) is reported as 1011 so the browser knows it was not its doing.
    if (browser.readyState === browser.OPEN) {
      browser.close(code === 1006 ? 1011 : sendable(code), reason.toString())
      cutOff(browser)
    }
    finish()
  })
  // ws has already sent the peer the close code the error calls for (1009 for a message over
  // maxPayload, 1002 for a protocol error); the grace bounds the wait for its answer.
  browser.on('error', (error) => {
    if (tooBig(error)) {
      if (endReason === 'closed') endReason = 'browser message too big'
      endCode ??= 1009
    }
    cutOff(browser)
  })
  upstream.on('error', (error) => {
    if (tooBig(error)) {
      if (endReason === 'closed') endReason = 'upstream message too big'
      endCode ??= 1009
      if (browser.readyState === browser.OPEN) {
        browser.close(1009, 'console message too big')
        cutOff(browser)
      }
    }
    cutOff(upstream)
  })

  // Only now: a hook may cut the session at the first early message, which needs closeBoth.
  for (const message of options.early ?? []) toBrowser(message.data, message.isBinary)
  upstream.on('message', toBrowser)
  browser.on('message', pipe(browserSide, upstreamSide, 'toUpstream'))
  upstream.resume()

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
      if (endReason === 'closed') endReason = 'gateway closing'
      closeBoth(code, reason)
    },
  }
}
