import type { IncomingMessage } from 'node:http'
import type { BodyRead } from './readWebBody.js'

/**
 * Reads a node request's body as text under the same limits as `readWebBody`: a declared length
 * over the cap is refused unread, a streamed one is read up to the cap and no further, a slow one
 * gives up after `timeoutMs`. After a problem the request is left paused; the caller answers
 * with `connection: close`, so the rest is never read.
 */
export function readNodeBody(
  request: IncomingMessage,
  maxBytes: number,
  timeoutMs: number,
): Promise<BodyRead> {
  if (Number(request.headers['content-length'] ?? NaN) > maxBytes)
    return Promise.resolve({ ok: false, problem: 'too_large' })
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const finish = (result: BodyRead) => {
      clearTimeout(timer)
      request.off('data', onData)
      request.off('end', onEnd)
      request.off('error', onError)
      if (!result.ok) request.pause()
      resolve(result)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) finish({ ok: false, problem: 'too_large' })
      else chunks.push(chunk)
    }
    const onEnd = () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') })
    // A client that vanished mid-body: nobody is left to answer, so treat it like a timeout.
    const onError = () => finish({ ok: false, problem: 'timeout' })
    const timer = setTimeout(() => finish({ ok: false, problem: 'timeout' }), timeoutMs)
    timer.unref()
    request.on('data', onData)
    request.on('end', onEnd)
    request.on('error', onError)
  })
}
