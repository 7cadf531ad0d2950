import { randomBytes, randomUUID } from 'node:crypto'
import { ecsJobView } from './ecsJobView.ts'
import { ecsServerView } from './ecsServerView.ts'
import { isRecord } from './isRecord.ts'
import { isVmRunning } from './isVmRunning.ts'
import { parseEcsAction } from './parseEcsAction.ts'
import type {
  ConsoleCredential,
  FakeCloudInventory,
  FakeEcsServer,
  FakePowerControl,
  FakePowerOperation,
} from './types.ts'

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
  power: FakePowerControl
  /** Batch action jobs: `job_id` → the power operations of its servers. */
  jobs: Map<string, string[]>
}

type Reply = { status: number; body: unknown }

// [method, pattern, route name]; the first match wins (`cloudservers/action` is not a server id).
const ROUTES: [string, RegExp, 'console' | 'action' | 'server' | 'job'][] = [
  ['POST', /^\/v1\/([^/]+)\/cloudservers\/([^/]+)\/remote_console$/, 'console'],
  ['POST', /^\/v1\/([^/]+)\/cloudservers\/action$/, 'action'],
  ['GET', /^\/v1\/([^/]+)\/cloudservers\/([^/]+)$/, 'server'],
  ['GET', /^\/v1\/([^/]+)\/jobs\/([^/]+)$/, 'job'],
]

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
 * Everything that is not CloudTower: the ECS remote console
 * (`POST /v1/{project_id}/cloudservers/{server_id}/remote_console`), a server's state
 * (`GET /v1/{project_id}/cloudservers/{server_id}`), the batch power actions
 * (`POST /v1/{project_id}/cloudservers/action`) and their jobs (`GET /v1/{project_id}/jobs/{job_id}`),
 * checked in the order Huawei's gateway and then ECS check them.
 */
export function handleEcsApi(request: EcsRequest, ctx: EcsContext): Reply {
  const found = ROUTES.flatMap(([method, pattern, kind]) => {
    const match = method === request.method ? pattern.exec(request.pathname) : null
    return match ? [{ match, kind }] : []
  })[0]
  if (!found) {
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
  const { match, kind } = found
  const projectId = decodeURIComponent(match[1] ?? '')
  const serverId = decodeURIComponent(match[2] ?? '')
  if (grant.projectId !== projectId) {
    return ecs(403, 'Ecs.0003', 'You are not authorized to perform the requested operation.')
  }
  const findServer = (id: string) =>
    ctx.inventory.ecs.servers.find(
      (candidate) => candidate.projectId === projectId && candidate.serverId === id,
    )
  if (kind === 'server') return showServer(findServer(serverId), serverId)
  if (kind === 'job') return showJob(serverId, ctx, findServer)

  let body: unknown
  try {
    body = JSON.parse(request.rawBody)
  } catch {
    body = undefined
  }
  if (kind === 'action') return batchAction(body, ctx, findServer)
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
  // Not documented by Huawei: Nova's answer (409, its message) in ECS's error shape (README).
  if (!isVmRunning(server.status)) {
    return ecs(
      409,
      'Ecs.0000',
      `Cannot 'get_vnc_console' instance ${serverId} while it is in vm_state stopped`,
    )
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

function showServer(server: FakeEcsServer | undefined, serverId: string): Reply {
  if (!server) return ecs(404, 'Ecs.0114', `Invalid server ID ${serverId}: the ECS does not exist.`)
  return { status: 200, body: ecsServerView(server) }
}

function showJob(
  jobId: string,
  ctx: EcsContext,
  findServer: (id: string) => FakeEcsServer | undefined,
): Reply {
  const operations = (ctx.jobs.get(jobId) ?? [])
    .map((id) => ctx.power.get(id))
    .filter((operation): operation is FakePowerOperation => operation !== undefined)
  // A job of another project is as unknown as a job that never was. ShowJob documents `code`
  // and `message` for a failed query; the code is our choice.
  if (operations.length === 0 || !operations.every((op) => findServer(op.resourceId))) {
    return { status: 404, body: { code: 'Ecs.0000', message: `The job ${jobId} does not exist.` } }
  }
  return { status: 200, body: ecsJobView(jobId, operations) }
}

function batchAction(
  body: unknown,
  ctx: EcsContext,
  findServer: (id: string) => FakeEcsServer | undefined,
): Reply {
  const parsed = parseEcsAction(body)
  if ('error' in parsed) return ecs(400, 'Ecs.0005', `Invalid request parameter: ${parsed.error}`)
  for (const id of parsed.serverIds) {
    const server = findServer(id)
    if (!server) return ecs(404, 'Ecs.0114', `Invalid server ID ${id}: the ECS does not exist.`)
    if (server.status === 'DELETED') return ecs(404, 'Ecs.0614', `The ECS ${id} has been deleted.`)
  }
  // Refusals (wrong state, another job running) show in the job, as ECS reports them.
  const operations = parsed.serverIds.map((id) => ctx.power.request('ecs', id, parsed.action).id)
  const jobId = randomBytes(16).toString('hex')
  ctx.jobs.set(jobId, operations)
  return { status: 200, body: { job_id: jobId } }
}
