import { randomBytes } from 'node:crypto'
import { authenticateCloudTower } from './authenticateCloudTower.ts'
import { cloudTowerMessage } from './cloudTowerMessage.ts'
import { detectGraphqlOperation } from './detectGraphqlOperation.ts'
import { generateCloudTowerTokens } from './generateCloudTowerTokens.ts'
import { isRecord } from './isRecord.ts'
import { isVmRunning } from './isVmRunning.ts'
import { pickGraphqlFields } from './pickGraphqlFields.ts'
import type { ConsoleCredential, FakeCloudInventory } from './types.ts'

interface CloudTowerRequest {
  rawBody: string
  /** The raw `Authorization` header: CloudTower sends the session token itself, no `Bearer`. */
  authorization: string | undefined
  language: string | undefined
  /** Fault decided by the server for this request: a 5xx status, 429, or none. */
  fault: number | null
}

interface CloudTowerContext {
  inventory: FakeCloudInventory
  /** Session tokens handed out by `login`, → username. */
  sessions: Map<string, string>
  issue(tokens: string[], credential: Omit<ConsoleCredential, 'redeemed'>): unknown
  clusterIp: string
  vncTarget: string | null
  tokenTtlMs: number
  now(): number
}

type Reply = { status: number; body: unknown }

/**
 * `POST /api`: the `vnc` query, the `login` mutation and a small `vms` list. Errors are what
 * CloudTower sends: HTTP 200, `errors[]` with `code` at the top level of each error.
 */
export function handleCloudTowerApi(request: CloudTowerRequest, ctx: CloudTowerContext): Reply {
  const error = (code: string, extra?: { path: string[] }) => ({
    message: cloudTowerMessage(code, request.language),
    code,
    ...extra,
  })
  if (request.fault !== null) {
    const code = request.fault === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_SERVER_ERROR'
    return { status: request.fault, body: { data: null, errors: [error(code)] } }
  }

  let body: unknown
  try {
    body = JSON.parse(request.rawBody)
  } catch {
    body = undefined
  }
  const operation = isRecord(body) ? detectGraphqlOperation(body.operationName, body.query) : null
  if (!isRecord(body) || operation === null) {
    return { status: 400, body: { errors: [error('GRAPHQL_VALIDATION_FAILED')] } }
  }
  const variables = isRecord(body.variables) ? body.variables : {}
  const { cloudTower } = ctx.inventory

  if (operation === 'login') {
    const data = isRecord(variables.data) ? variables.data : {}
    const user = cloudTower.users.find((candidate) => candidate.username === data.username)
    if (!user) return { status: 200, body: { data: null, errors: [error('USER_NOT_FOUND')] } }
    if (user.password !== data.password || user.source !== data.source) {
      return { status: 200, body: { data: null, errors: [error('LOGIN_FAILED')] } }
    }
    const token = randomBytes(24).toString('hex')
    ctx.sessions.set(token, user.username)
    return {
      status: 200,
      body: { data: { login: pickGraphqlFields(body.query, 'login', { token }) } },
    }
  }

  const user = authenticateCloudTower(request.authorization, ctx.inventory, ctx.sessions)
  if (!user) return { status: 200, body: { data: null, errors: [error('LOAD_TOKEN_FAILED')] } }

  if (operation === 'vms') {
    const vms = cloudTower.vms.map((vm) =>
      pickGraphqlFields(body.query, 'vms', {
        id: vm.id,
        name: vm.name,
        status: vm.status,
        local_id: vm.uuid,
      }),
    )
    return { status: 200, body: { data: { vms } } }
  }

  // operation === 'vnc'
  if (user.role !== 'ADMIN') {
    return { status: 200, body: { data: null, errors: [error('PERMISSION_DENIED')] } }
  }
  const input = isRecord(variables.input) ? variables.input : {}
  const vmId = isRecord(input.vm) ? input.vm.id : undefined
  const vm = cloudTower.vms.find((candidate) => candidate.id === vmId)
  if (!vm || vm.status === 'DELETED') {
    return {
      status: 200,
      body: { data: { vnc: null }, errors: [error('VM_NOT_FOUND', { path: ['vnc'] })] },
    }
  }
  // Not documented: the shape of VM_NOT_FOUND with a code of our own (see README, an assumption).
  if (!isVmRunning(vm.status)) {
    return {
      status: 200,
      body: { data: { vnc: null }, errors: [error('VM_NOT_RUNNING', { path: ['vnc'] })] },
    }
  }
  const { raw_token, token } = generateCloudTowerTokens()
  ctx.issue([raw_token, token], {
    provider: 'cloudtower',
    resourceId: vm.id,
    vnc: ctx.vncTarget ?? vm.vnc,
    vmUuid: vm.uuid,
    hostIp: vm.hostIp,
    expiresAt: ctx.now() + ctx.tokenTtlMs,
  })
  const vnc = {
    raw_token,
    token,
    vm_uuid: vm.uuid,
    cluster_ip: ctx.clusterIp,
    host_ip: vm.hostIp,
  }
  return { status: 200, body: { data: { vnc: pickGraphqlFields(body.query, 'vnc', vnc) } } }
}
