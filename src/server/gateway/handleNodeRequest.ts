import type { IncomingMessage, ServerResponse } from 'node:http'
import type { GatewayRequest } from '../types.js'
import { corsHeaders } from './corsHeaders.js'
import { gatewayRoute } from './gatewayRoute.js'
import { issueTicket } from './issueTicket.js'
import { nodeHeaders } from './nodeHeaders.js'
import { nodeScheme } from './nodeScheme.js'
import { noStoreHeaders } from './noStoreHeaders.js'
import { readFrameworkBody } from './readFrameworkBody.js'
import type { GatewayContext, Reply } from './types.js'

/** `gateway.handleRequest`: node:http, Express and Fastify's raw request and response. */
export async function handleNodeRequest(
  ctx: GatewayContext,
  request: IncomingMessage,
  response: ServerResponse,
  next?: (error?: unknown) => void,
) {
  // Express strips its mount path from `url` and keeps the whole one in `originalUrl`.
  const fullUrl = (request as { originalUrl?: string }).originalUrl ?? request.url ?? '/'
  const route = gatewayRoute(ctx.path, fullUrl.split('?')[0] ?? '/')
  if (!route) {
    if (next) return next()
    return write(response, ctx.fail('not_found', 'No such console gateway route.'), {})
  }
  const headers = nodeHeaders(request)
  const cors = corsHeaders(headers, ctx.options.allowedOrigins)
  if (request.method === 'OPTIONS') {
    response.writeHead(204, { ...cors, 'cache-control': 'no-store' })
    return void response.end()
  }
  const controller = new AbortController()
  response.on('close', () => {
    if (!response.writableEnded) controller.abort()
  })
  const gatewayRequest: GatewayRequest = {
    method: request.method ?? 'GET',
    url: fullUrl,
    headers,
    remoteAddress: ctx.clientAddress(request),
    raw: request,
  }
  const reply = await issueTicket(
    ctx,
    gatewayRequest,
    nodeScheme(request, headers),
    () => readFrameworkBody(request, ctx.maxBodyBytes, ctx.limits.bodyTimeoutMs),
    controller.signal,
    route,
  )
  write(response, reply, cors)
}

function write(response: ServerResponse, reply: Reply, cors: Record<string, string>) {
  if (response.headersSent || response.destroyed) return
  response.writeHead(reply.status, { ...noStoreHeaders, ...cors, ...reply.headers })
  response.end(JSON.stringify(reply.body))
}
