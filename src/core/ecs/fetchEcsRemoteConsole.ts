import { asRecord } from '../http/asRecord.js'
import { ConsoleError } from '../errors/ConsoleError.js'
import type { EcsRemoteConsole } from './EcsRemoteConsole.js'
import { isHeaderValue } from '../http/isHeaderValue.js'
import { normalizeEndpoint } from '../http/normalizeEndpoint.js'
import { parseHttpUrl } from '../http/parseHttpUrl.js'
import { requestJson } from '../http/requestJson.js'
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
  const provider = 'ecs'
  const { authToken, serverId } = args
  const base = normalizeEndpoint(args.endpoint, provider)
  const projectId = validatePathSegment(args.projectId, 'project id', provider)
  const server = validatePathSegment(serverId, 'server id', provider)
  // Control characters would split the header; fetch refuses anything beyond Latin-1.
  if (authToken !== undefined && !isHeaderValue(authToken)) {
    throw new ConsoleError({
      kind: 'invalid_input',
      provider,
      message: 'The ECS auth token is empty or invalid. Sign in again.',
    })
  }
  const secrets = [authToken]
  const response = await requestJson({
    ...args, // fetch, signal, timeoutMs
    provider,
    url: `${base}/v1/${projectId}/cloudservers/${server}/remote_console`,
    headers: authToken === undefined ? {} : { 'X-Auth-Token': authToken },
    body: JSON.stringify({ remote_console: { protocol: 'vnc', type: 'novnc' } }),
    secrets,
  })

  const { url, type, protocol } = asRecord(asRecord(response.json)?.remote_console) ?? {}
  if (!response.ok || !parseHttpUrl(url)) {
    // Huawei's documented codes (Ecs.0114, APIGW.0301…) come with the status of the same kind.
    throw responseError(provider, response, secrets, undefined, `VM "${serverId}"`)
  }
  return {
    type: typeof type === 'string' ? type : 'novnc',
    protocol: typeof protocol === 'string' ? protocol : 'vnc',
    url: url as string,
  }
}
