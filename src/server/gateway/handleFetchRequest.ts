import { readWebBody } from './readWebBody.js'
import { requestScheme } from '../requestScheme.js'
import type { GatewayRequest } from '../types.js'
import { corsHeaders } from './corsHeaders.js'
import { gatewayRoute } from './gatewayRoute.js'
import { issueTicket } from './issueTicket.js'
import { noStoreHeaders } from './noStoreHeaders.js'
import type { GatewayContext, Reply } from './types.js'

/** `gateway.fetch`: fetch-style servers (a Next.js route handler, Hono, Bun…). */
export async function handleFetchRequest(ctx: GatewayContext, request: Request): Promise<Response> {
  const url = new URL(request.url)
  const route = gatewayRoute(ctx.path, url.pathname)
  if (!route) {
    return json(ctx.fail('not_found', 'No such console gateway route.'), {})
  }
  const headers: Record<string, string | undefined> = {}
  request.headers.forEach((value, name) => (headers[name] = value))
  const cors = corsHeaders(headers, ctx.options.allowedOrigins)
  if (request.method === 'OPTIONS')
    return new Response(null, { status: 204, headers: { ...cors, 'cache-control': 'no-store' } })
  const gatewayRequest: GatewayRequest = {
    method: request.method,
    url: url.pathname + url.search,
    headers,
    raw: request,
  }
  const reply = await issueTicket(
    ctx,
    gatewayRequest,
    requestScheme(headers['x-forwarded-proto'], url.protocol === 'https:'),
    () => readWebBody(request, ctx.maxBodyBytes, ctx.limits.bodyTimeoutMs),
    request.signal,
    route,
  )
  // A web Response may not set `connection`; the server that hosts the handler decides.
  const { connection: _connection, ...replyHeaders } = reply.headers ?? {}
  return json({ ...reply, headers: replyHeaders }, cors)
}

function json(reply: Reply, cors: Record<string, string>): Response {
  return new Response(JSON.stringify(reply.body), {
    status: reply.status,
    headers: { ...noStoreHeaders, ...cors, ...reply.headers },
  })
}
