import type { IncomingMessage } from 'node:http'
import { ConsoleError } from '../../core/errors/ConsoleError.js'
import { readNodeBody } from './readNodeBody.js'
import type { BodyRead } from './readWebBody.js'

/** The body a framework already parsed (Express, Fastify's copy), else the raw stream under limits. */
export async function readFrameworkBody(
  request: IncomingMessage,
  maxBytes: number,
  timeoutMs: number,
): Promise<BodyRead | { ok: true; parsed: unknown }> {
  // A body parser (express.json(), or Fastify's once copied to `req.raw.body`) may have read it
  // already and left the result on `request.body`.
  const parsed = (request as { body?: unknown }).body
  if (typeof parsed === 'object' && parsed !== null && !Buffer.isBuffer(parsed))
    return { ok: true, parsed }
  if (typeof parsed === 'string') return { ok: true, text: parsed }
  if (Buffer.isBuffer(parsed)) return { ok: true, text: parsed.toString('utf8') }
  if (request.readableEnded) {
    // Reading again would find nothing and blame the browser for an empty body.
    throw new ConsoleError({
      kind: 'server',
      provider: 'vnc',
      message:
        'The console request body was already read by another handler. Pass the parsed body on as request.body.',
    })
  }
  return readNodeBody(request, maxBytes, timeoutMs)
}
