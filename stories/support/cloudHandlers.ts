// MSW handlers for the two cloud APIs, answering exactly as the seed documents (shared/seeds/) say,
// error shapes included, and recording what the component sent.
import { delay, http, HttpResponse } from 'msw'

export const TOWER = 'https://tower.example.com'
export const TOWER_TOKEN = 'cloudtower-session-token'
export const TOWER_VM = 'cl2k0mpoy05g60958p3p6x6ni'

/** The seed's example answer (cluster_ip/host_ip as printed). */
export const SEED_VNC = {
  raw_token: '1a2bc3d4567e89f0a1b2c3d4e5f6a7b8',
  token: 'MTIzNDU2Nzg5YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=',
  vm_uuid: '00000000-0000-0000-0000-000000000000',
  cluster_ip: '192.168.5.2',
  host_ip: '192.168.5.4',
}
/** The proxy link the seed means (its printed example has the wrong host and a stray quote). */
export const SEED_PROXY_SOCKET = `wss://tower.example.com/websockify/`

export const ECS = 'https://ecs.cn-north-4.myhuaweicloud.com'
export const ECS_PROJECT = '13c67a214ced4afb88d911ae4bd5721a'
export const ECS_SERVER = '47bc79ae-df61-4ade-9197-283a74e5d70e'
export const ECS_TOKEN = 'MIIZkgYJKoZIhvcNAQcCoIIZgzCCGX8CAQExDTALBglghkgBZQMEAgEwgheIBgkq'
export const ECS_CONSOLE_TOKEN = '0fda3eca-8232-4249-9c6e-2f1b8e0d7a41'
export const ECS_PROXY = 'https://nova-novncproxy.az1.dc1.domainname.com:8002'

export interface RequestLog {
  headers: Record<string, string>[]
  bodies: unknown[]
}

function logInto(log: RequestLog | undefined, request: Request, body: unknown) {
  if (!log) return
  log.headers.push(Object.fromEntries(request.headers.entries()))
  log.bodies.push(body)
}

type TowerErrorCode =
  | 'LOAD_TOKEN_FAILED'
  | 'PERMISSION_DENIED'
  | 'VM_NOT_FOUND'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR'

const TOWER_MESSAGES: Record<TowerErrorCode, { 'en-US': string; 'zh-CN': string }> = {
  LOAD_TOKEN_FAILED: { 'en-US': 'Failed to load token.', 'zh-CN': '加载令牌失败。' },
  PERMISSION_DENIED: { 'en-US': 'Permission denied.', 'zh-CN': '权限不足。' },
  VM_NOT_FOUND: { 'en-US': 'VM not found.', 'zh-CN': '虚拟机不存在。' },
  TOO_MANY_REQUESTS: { 'en-US': 'Too many requests.', 'zh-CN': '请求过于频繁。' },
  INTERNAL_SERVER_ERROR: { 'en-US': 'Internal server error.', 'zh-CN': '服务器内部错误。' },
}

/**
 * CloudTower `POST {endpoint}/api`: the `vnc` query answers the seed's example, or an error as
 * CloudTower sends it — HTTP 200 (unless `status`), `code` at the top level of each error.
 */
export function cloudTowerVnc(
  options: { error?: TowerErrorCode; status?: number; latencyMs?: number; log?: RequestLog } = {},
) {
  return http.post(`${TOWER}/api`, async ({ request }) => {
    const body: unknown = await request.json()
    logInto(options.log, request, body)
    if (options.latencyMs) await delay(options.latencyMs)
    const language = request.headers.get('content-language') === 'zh-CN' ? 'zh-CN' : 'en-US'
    const fail = (code: TowerErrorCode, data: unknown = null, status = 200) =>
      HttpResponse.json(
        {
          data,
          errors: [
            {
              message: TOWER_MESSAGES[code][language],
              code,
              ...(data === null ? {} : { path: ['vnc'] }),
            },
          ],
        },
        { status },
      )
    // Raw token, never "Bearer …".
    if (request.headers.get('authorization') !== TOWER_TOKEN) return fail('LOAD_TOKEN_FAILED')
    if (options.error === 'VM_NOT_FOUND') return fail('VM_NOT_FOUND', { vnc: null })
    if (options.error) return fail(options.error, null, options.status ?? 200)
    return HttpResponse.json({ data: { vnc: SEED_VNC } })
  })
}

/** Huawei's two error shapes: the ECS service's and the API gateway's. */
type EcsError =
  | { shape: 'ecs'; status: number; code: 'Ecs.0114' | 'Ecs.0614' | 'Ecs.0003' | 'Ecs.0005' }
  | { shape: 'apigw'; status: number; code: 'APIGW.0301' | 'APIGW.0101' | 'APIGW.0308' }

const ECS_MESSAGES: Record<EcsError['code'], string> = {
  'Ecs.0114': 'Invalid server ID.',
  'Ecs.0614': 'The ECS does not exist.',
  'Ecs.0003': 'You do not have permission to perform this operation.',
  'Ecs.0005': 'Invalid parameter.',
  'APIGW.0301': 'Incorrect IAM authentication information: verify aksk signature fail',
  'APIGW.0101': 'The API does not exist or has not been published in the environment',
  'APIGW.0308': 'The throttling threshold has been reached: policy user over ratelimit',
}

/** ECS `POST /v1/{project_id}/cloudservers/{server_id}/remote_console`, as in the seed. */
export function ecsRemoteConsole(options: { error?: EcsError; log?: RequestLog } = {}) {
  return http.post(
    `${ECS}/v1/:projectId/cloudservers/:serverId/remote_console`,
    async ({ request, params }) => {
      const body: unknown = await request.json()
      logInto(options.log, request, body)
      const fail = (error: EcsError) =>
        HttpResponse.json(
          error.shape === 'ecs'
            ? { error: { code: error.code, message: ECS_MESSAGES[error.code] } }
            : {
                error_code: error.code,
                error_msg: ECS_MESSAGES[error.code],
                request_id: '3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9',
              },
          { status: error.status },
        )
      if (request.headers.get('x-auth-token') !== ECS_TOKEN) {
        return fail({ shape: 'apigw', status: 401, code: 'APIGW.0301' })
      }
      if (options.error) return fail(options.error)
      if (params.projectId !== ECS_PROJECT || params.serverId !== ECS_SERVER) {
        return fail({ shape: 'ecs', status: 404, code: 'Ecs.0114' })
      }
      return HttpResponse.json({
        remote_console: {
          type: 'novnc',
          protocol: 'vnc',
          url: `${ECS_PROXY}/vnc_auto.html?token=${ECS_CONSOLE_TOKEN}&lang=EN&tLength=70`,
        },
      })
    },
  )
}

export const newLog = (): RequestLog => ({ headers: [], bodies: [] })
