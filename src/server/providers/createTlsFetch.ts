import { Agent as HttpAgent, request as httpRequest } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import type { GatewayTlsOptions } from '../types.js'

export interface TlsFetch {
  /** A fetch for JSON API calls that honours the provider's `ca` / `rejectUnauthorized`. */
  fetch: typeof fetch
  /** Closes the kept-alive connections. */
  close(): void
}

// An API answer is a few KiB; anything far larger is not what we asked for.
const MAX_BODY = 1024 * 1024

/**
 * Node's global fetch takes TLS settings only through undici's `dispatcher`, which Node does not
 * export; node:https takes them directly and needs no dependency. Enough fetch for our calls:
 * string bodies, whole answers, AbortSignal.
 */
export function createTlsFetch(tls: GatewayTlsOptions = {}): TlsFetch {
  const httpsAgent = new HttpsAgent({
    keepAlive: true,
    ...(tls.ca !== undefined && { ca: tls.ca }),
    rejectUnauthorized: tls.rejectUnauthorized !== false,
  })
  const httpAgent = new HttpAgent({ keepAlive: true })
  const tlsFetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url)
    const body = init.body
    if (body !== undefined && body !== null && typeof body !== 'string') {
      return Promise.reject(new TypeError('This fetch sends string bodies only.'))
    }
    const headers: Record<string, string> = {}
    new Headers(init.headers).forEach((value, name) => (headers[name] = value))
    if (body) headers['content-length'] = String(Buffer.byteLength(body))
    const secure = url.protocol === 'https:'
    return new Promise<Response>((resolve, reject) => {
      const request = (secure ? httpsRequest : httpRequest)(url, {
        method: init.method ?? 'GET',
        headers,
        agent: secure ? httpsAgent : httpAgent,
        ...(init.signal && { signal: init.signal }),
      })
      request.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })))
      request.on('response', (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > MAX_BODY) request.destroy(new Error('answer too large'))
          else chunks.push(chunk)
        })
        response.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })))
        response.on('end', () => {
          const status = response.statusCode ?? 502
          const answer = new Headers()
          for (const [name, value] of Object.entries(response.headers)) {
            if (typeof value === 'string') answer.set(name, value)
            else if (Array.isArray(value)) for (const v of value) answer.append(name, v)
          }
          const noBody = status === 204 || status === 205 || status === 304
          resolve(
            new Response(noBody ? null : Buffer.concat(chunks), {
              status: status < 200 ? 502 : status,
              statusText: response.statusMessage ?? '',
              headers: answer,
            }),
          )
        })
      })
      request.end(body ?? undefined)
    })
  }
  return {
    fetch: tlsFetch as typeof fetch,
    close() {
      httpsAgent.destroy()
      httpAgent.destroy()
    },
  }
}
