import { randomUUID } from 'node:crypto'
import { isRecord } from './isRecord.ts'
import type { ConsoleCredential, FakeCloudInventory } from './types.ts'

interface EcsRequest {
  method: string
  pathname: string
  authToken: string | undefined
  rawBody: string
  /** Fault decided by the server for this request: a 5xx status, 429, or none. */
  fault: number | null
}

interface EcsContext {
  inventory: FakeCloudInventory
  issue(tokens: string[], credential: Omit<ConsoleCredential, 'redeemed'>): unknown
  /** Origin of the console page and socket, e.g. `http://127.0.0.1:4000`. */
  publicUrl: string
  vncTarget: string | null
  tokenTtlMs: number
  now(): number
}

type Reply = { status: number; body: unknown }

const ROUTE = /^\/v1\/([^/]+)\/cloudservers\/([^/]+)\/remote_console$/

// The gateway (APIGW.*) answers in one shape, the ECS service (Ecs.*) in another.
const gateway = (status: number, code: string, message: string): Reply => ({
  status,
  body: { error_code: code, error_msg: message, request_id: randomUUID().replaceAll('-', '') },
})
const ecs = (status: number, code: string, message: string): Reply => ({
  status,
  body: { error: { code, message } },
})

/**
 * Everything that is not CloudTower: `POST /v1/{project_id}/cloudservers/{server_id}/remote_console`,
 * checked in the order Huawei's gateway and then ECS check it.
 */
export function handleEcsApi(request: EcsRequest, ctx: EcsContext): Reply {
  const route = ROUTE.exec(request.pathname)
  if (!route || request.method !== 'POST') {
    return gateway(
      404,
      'APIGW.0101',
      'The API does not exist or has not been published in the environment',
    )
  }
  if (request.fault === 429) {
    return gateway(
      429,
      'APIGW.0308',
      'The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 second',
    )
  }
  if (request.fault === 502) return gateway(502, 'APIGW.0202', 'Backend unavailable')
  if (request.fault === 504) return gateway(504, 'APIGW.0203', 'Backend timeout')
  if (request.fault !== null) return ecs(request.fault, 'Ecs.0000', 'Internal system error.')

  const grant = ctx.inventory.ecs.tokens.find((entry) => entry.token === request.authToken)
  if (!request.authToken || !grant) {
    return gateway(
      401,
      'APIGW.0301',
      'Incorrect IAM authentication information: decrypt token fail',
    )
  }
  const projectId = decodeURIComponent(route[1] ?? '')
  const serverId = decodeURIComponent(route[2] ?? '')
  if (grant.projectId !== projectId) {
    return ecs(403, 'Ecs.0003', 'You are not authorized to perform the requested operation.')
  }

  let body: unknown
  try {
    body = JSON.parse(request.rawBody)
  } catch {
    body = undefined
  }
  const wanted = isRecord(body) ? body.remote_console : undefined
  if (!isRecord(wanted) || wanted.protocol !== 'vnc' || wanted.type !== 'novnc') {
    return ecs(
      400,
      'Ecs.0005',
      'Invalid request parameter: remote_console must be {"protocol":"vnc","type":"novnc"}.',
    )
  }

  const server = ctx.inventory.ecs.servers.find(
    (candidate) => candidate.projectId === projectId && candidate.serverId === serverId,
  )
  if (!server) return ecs(404, 'Ecs.0114', `Invalid server ID ${serverId}: the ECS does not exist.`)
  if (server.status === 'DELETED') {
    return ecs(404, 'Ecs.0614', `The ECS ${serverId} has been deleted.`)
  }

  const token = randomUUID()
  ctx.issue([token], {
    provider: 'ecs',
    resourceId: server.serverId,
    vnc: ctx.vncTarget ?? server.vnc,
    expiresAt: ctx.now() + ctx.tokenTtlMs,
  })
  return {
    status: 200,
    body: {
      remote_console: {
        type: 'novnc',
        protocol: 'vnc',
        url: `${ctx.publicUrl}/vnc_auto.html?token=${token}&lang=EN&tLength=70`,
      },
    },
  }
}
