import { authenticateCloudTower } from './authenticateCloudTower.ts'
import { cloudTowerMessage } from './cloudTowerMessage.ts'
import { cloudTowerTaskView } from './cloudTowerTaskView.ts'
import { isRecord } from './isRecord.ts'
import type {
  FakeCloudInventory,
  FakeCloudTowerVm,
  FakePowerAction,
  FakePowerControl,
} from './types.ts'

interface CloudTowerRestRequest {
  method: string
  /** Under the REST base path, e.g. `/v2/api/start-vm`. */
  pathname: string
  rawBody: string
  /** The raw `Authorization` header, as for the GraphQL endpoint. */
  authorization: string | undefined
  language: string | undefined
  /** Fault decided by the server for this request: a 5xx status, 429, or none. */
  fault: number | null
}

interface CloudTowerRestContext {
  inventory: FakeCloudInventory
  /** Session tokens handed out by GraphQL `login`, → username. */
  sessions: Map<string, string>
  power: FakePowerControl
}

type Reply = { status: number; body: unknown }

const ACTIONS: Record<string, FakePowerAction> = {
  'start-vm': 'start',
  'shutdown-vm': 'shutdown',
  'poweroff-vm': 'poweroff',
  'restart-vm': 'restart',
  'force-restart-vm': 'forceRestart',
}

/**
 * CloudTower's REST API under `/v2/api` (OpenAPI spec 4.6.0), the part a console needs:
 * `get-vms`, the five power operations (→ `WithTask_Vm_[]`) and `get-tasks`. Every call is a POST
 * with a `{ where }` body and the raw session token in `Authorization`; errors are its `ErrorBody`
 * (`message`, `status`, `path`, and `code` where the spec has one: `ResourceLocked`).
 */
export function handleCloudTowerRest(
  request: CloudTowerRestRequest,
  ctx: CloudTowerRestContext,
): Reply {
  const path = request.pathname
  const error = (status: number, message: string, code?: string): Reply => ({
    status,
    body: { ...(code && { code }), message, status, path },
  })
  const operation = path.slice('/v2/api/'.length)
  if (
    request.method !== 'POST' ||
    !(operation === 'get-vms' || operation === 'get-tasks' || operation in ACTIONS)
  ) {
    return error(404, `Cannot ${request.method} ${path}`)
  }
  if (request.fault === 429) {
    return error(429, cloudTowerMessage('TOO_MANY_REQUESTS', request.language))
  }
  if (request.fault !== null) {
    return error(request.fault, cloudTowerMessage('INTERNAL_SERVER_ERROR', request.language))
  }
  const user = authenticateCloudTower(request.authorization, ctx.inventory, ctx.sessions)
  // The spec documents no 401; this is the ErrorBody shape with the status a gateway would use.
  if (!user) return error(401, cloudTowerMessage('LOAD_TOKEN_FAILED', request.language))

  let body: unknown
  try {
    body = JSON.parse(request.rawBody || '{}')
  } catch {
    body = undefined
  }
  if (!isRecord(body)) return error(400, 'The request body must be a JSON object.')
  const where = body.where === undefined || body.where === null ? {} : body.where
  if (!isRecord(where)) return error(400, '"where" must be an object.')
  const ids = idsOf(where)
  if (ids === null) return error(400, '"where.id" must be a string, "where.id_in" strings.')
  const { vms } = ctx.inventory.cloudTower

  if (operation === 'get-vms') {
    const found = ids === undefined ? vms : vms.filter((vm) => ids.includes(vm.id))
    return { status: 200, body: found.map(vmView) }
  }
  if (operation === 'get-tasks') {
    const tasks = (ids ?? [])
      .map((id) => ctx.power.get(id))
      .filter((task) => task?.provider === 'cloudtower')
    return { status: 200, body: tasks.map((task) => task && cloudTowerTaskView(task)) }
  }

  const action = ACTIONS[operation] as FakePowerAction
  if (ids === undefined || ids.length === 0) return error(400, '"where.id" is required.')
  if (user.role !== 'ADMIN') {
    return error(403, cloudTowerMessage('PERMISSION_DENIED', request.language))
  }
  const targets = ids.map((id) => vms.find((vm) => vm.id === id))
  if (targets.some((vm) => !vm || vm.status === 'DELETED')) {
    return error(404, cloudTowerMessage('VM_NOT_FOUND', request.language))
  }
  const locked = targets.find((vm) => vm && ctx.power.inFlight(vm.id))
  if (locked) return error(400, `The VM ${locked.id} is locked by another task.`, 'ResourceLocked')
  return {
    status: 200,
    body: targets.map((vm) => {
      const task = ctx.power.request('cloudtower', (vm as FakeCloudTowerVm).id, action)
      return { task_id: task.id, data: vmView(vm as FakeCloudTowerVm) }
    }),
  }
}

/** `where.id` or `where.id_in`; undefined when neither is given, null when malformed. */
function idsOf(where: Record<string, unknown>): string[] | undefined | null {
  if (where.id !== undefined) return typeof where.id === 'string' ? [where.id] : null
  if (where.id_in !== undefined) {
    const list = where.id_in
    return Array.isArray(list) && list.every((id) => typeof id === 'string') ? list : null
  }
  return undefined
}

// The Vm fields a console reads, and a few required ones; the spec's Vm has many more.
const vmView = (vm: FakeCloudTowerVm) => ({
  id: vm.id,
  name: vm.name,
  status: vm.status,
  local_id: vm.uuid,
  node_ip: vm.hostIp,
  in_recycle_bin: false,
  internal: false,
  description: '',
})
