/** A request body read under the gateway's limits, or why it was not. */
export type BodyRead = { ok: true; text: string } | { ok: false; problem: 'too_large' | 'timeout' }

/**
 * Reads a web Request's body as text, stopping at `maxBytes` (too_large) or after `timeoutMs`
 * (timeout): a streamed body is never read past the cap, and a dribbled one cannot hold the
 * handler open. On either problem the stream is cancelled.
 */
export async function readWebBody(
  request: Request,
  maxBytes: number,
  timeoutMs: number,
): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (declared > maxBytes) {
    await request.body?.cancel().catch(() => {})
    return { ok: false, problem: 'too_large' }
  }
  if (!request.body) return { ok: true, text: '' }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
  })
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline])
      if (next === 'timeout') {
        void reader.cancel().catch(() => {})
        return { ok: false, problem: 'timeout' }
      }
      if (next.done) break
      size += next.value.byteLength
      if (size > maxBytes) {
        void reader.cancel().catch(() => {})
        return { ok: false, problem: 'too_large' }
      }
      chunks.push(next.value)
    }
  } finally {
    clearTimeout(timer)
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') }
}
