import { ConsoleError } from '../../core/errors/ConsoleError.js'
import type { ConsoleReplaySource } from './ConsoleReplayProps.js'

/**
 * The bytes of a recording: fetched for a URL, read for a Blob, as they are for an ArrayBuffer or
 * Uint8Array. A failed download is a ConsoleError (`code: 'recording_fetch'`) whose message
 * names the HTTP status or the network, never the URL (it may carry a signed query).
 */
export async function loadRecordingSource(
  src: ConsoleReplaySource,
  signal: AbortSignal,
  init?: RequestInit,
): Promise<Uint8Array> {
  if (src instanceof Uint8Array) return src
  if (src instanceof ArrayBuffer) return new Uint8Array(src)
  if (typeof src !== 'string') return new Uint8Array(await src.arrayBuffer())
  let response: Response
  try {
    response = await fetch(src, { ...init, signal })
  } catch (cause) {
    if (signal.aborted) throw cause
    throw new ConsoleError({
      kind: 'network',
      provider: 'vnc',
      code: 'recording_fetch',
      message: 'The recording could not be downloaded (network error).',
      cause,
    })
  }
  if (!response.ok) {
    const kind =
      response.status === 404
        ? 'not_found'
        : response.status === 401
          ? 'unauthorized'
          : response.status === 403
            ? 'forbidden'
            : 'server'
    throw new ConsoleError({
      kind,
      provider: 'vnc',
      status: response.status,
      code: 'recording_fetch',
      message: `The recording could not be downloaded (HTTP ${response.status}).`,
    })
  }
  return new Uint8Array(await response.arrayBuffer())
}
