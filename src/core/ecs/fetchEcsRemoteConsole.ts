import { asRecord } from '../http/asRecord.js'
import type { EcsRemoteConsole } from './EcsRemoteConsole.js'
import { parseHttpUrl } from '../http/parseHttpUrl.js'
import { requestEcsApi } from './requestEcsApi.js'
import { responseError } from '../http/responseError.js'
import { validatePathSegment } from '../http/validatePathSegment.js'

export interface FetchEcsRemoteConsoleArgs {
  /** `https://ecs.cn-north-4.myhuaweicloud.com` or a same-origin path of the portal's proxy. */
  endpoint: string
  projectId: string
  serverId: string
  /** IAM token sent as `X-Auth-Token`; leave out when a proxy signs the request. */
  authToken?: string | undefined
  fetch?: typeof fetch | undefined
  signal?: AbortSignal | undefined
  /** Default 15 000 ms, covering the whole answer. */
  timeoutMs?: number | undefined
}

/**
 * Asks Huawei Cloud ECS for the VNC console of a server. The answer's URL holds a one-time token:
 * use it once, never cache it.
 */
export async function fetchEcsRemoteConsole(
  args: FetchEcsRemoteConsoleArgs,
): Promise<EcsRemoteConsole> {
  const { serverId } = args
  const server = validatePathSegment(serverId, 'server id', 'ecs')
  const response = await requestEcsApi(args, `cloudservers/${server}/remote_console`, {
    remote_console: { protocol: 'vnc', type: 'novnc' },
  })

  const { url, type, protocol } = asRecord(asRecord(response.json)?.remote_console) ?? {}
  if (!response.ok || !parseHttpUrl(url)) {
    // Huawei's documented codes (Ecs.0114, APIGW.0301…) come with the status of the same kind.
    throw responseError('ecs', response, [args.authToken], undefined, `VM "${serverId}"`)
  }
  return {
    type: typeof type === 'string' ? type : 'novnc',
    protocol: typeof protocol === 'string' ? protocol : 'vnc',
    url: url as string,
  }
}
